import type { Catalog } from '../catalog/catalog-model.js';
import type { MappingContract } from '../contract/contract-model.js';
import { FerryError } from '../errors.js';
import { readCsvTargetJob } from '../migrate/csv-target-job.js';
import { DatabaseLoadTarget } from '../migrate/database-load-target.js';
import { emptyLedger } from '../migrate/load-target.js';
import { CsvTargetReader, DatabaseTargetReader, type TargetRowReader } from '../reconcile/target-row-reader.js';
import { openDatabase } from '../store/open-database.js';
import { PgliteDatabase } from '../store/pglite-database.js';
import type { SqlDatabase } from '../store/sql-database.js';

/** Reads back what a job loaded into a target URL (`csv:DIR`, `pglite:PATH`, `postgres://...`). */
export async function openTargetReader(url: string): Promise<{ reader: TargetRowReader; close: () => Promise<void> }> {
  if (url.startsWith('csv:')) return { reader: new CsvTargetReader(url.slice(4)), close: async () => {} };
  const db = await openDatabase(url);
  return { reader: new DatabaseTargetReader(db), close: () => db.close() };
}

/**
 * A database holding a job's target rows, for SQL quality checks: the target itself when it is a database; for a CSV
 * target, an in-memory PGlite loaded from the LOAD files and their lineage.
 */
export async function openTargetDatabase(
  url: string,
  job: { jobId: string; contract: MappingContract; targetCatalog: Catalog; contractHash: string },
): Promise<SqlDatabase> {
  if (!url.startsWith('csv:')) return openDatabase(url);
  const recorded = await readCsvTargetJob(url.slice(4));
  if (recorded && recorded.jobId !== job.jobId) {
    throw new FerryError(
      'FERRY_ERR_NOTHING_TO_JUDGE',
      `Job ${job.jobId} is not in the target: ${url} was written by job ${recorded.jobId}`,
      { key: job.jobId },
    );
  }
  if (recorded && recorded.contractHash !== job.contractHash) {
    throw new FerryError(
      'FERRY_ERR_REPORT_MISMATCH',
      `${url} was written with contract hash ${recorded.contractHash}, not the contract given (${job.contractHash})`,
      { key: job.jobId },
    );
  }
  const db = await PgliteDatabase.open();
  const load = new DatabaseLoadTarget(db);
  const tables = job.contract.tables.map((t) => job.targetCatalog.tables.find((c) => c.name === t.target)!);
  await load.begin(job.jobId, tables, {
    contractHash: job.contractHash,
    releaseProfile: recorded?.releaseProfile ?? 'staged-from-csv',
    batchSize: 5000,
    sourceFingerprint: recorded?.sourceFingerprint ?? undefined,
  });
  const reader = new CsvTargetReader(url.slice(4));
  for (const table of tables) {
    let rows: string[][] = [];
    let lineage: { sourceTable: string; sourceKey: string }[] = [];
    let chunkNo = 0;
    const flush = async () => {
      if (rows.length) {
        const n = rows.length;
        const ledger = { ...emptyLedger(), read: n, loaded: n, inserted: n };
        await load.writeChunk(job.jobId, {
          table,
          sourceTable: lineage[0]!.sourceTable,
          chunkNo: chunkNo++,
          rows,
          lineage,
          rejects: [],
          ledger,
        });
      }
      rows = [];
      lineage = [];
    };
    for await (const r of reader.rows(table, job.jobId)) {
      rows.push(r.values);
      lineage.push({ sourceTable: r.sourceTable, sourceKey: r.sourceKey });
      if (rows.length >= 5000) await flush();
    }
    await flush();
  }
  await load.finish(job.jobId, 'completed');
  return db;
}
