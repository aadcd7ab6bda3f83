import type { Catalog, CatalogTable } from '../catalog/catalog-model.js';
import type { ContractTable, MappingContract, ReleaseProfile } from '../contract/contract-model.js';
import { contractHash } from '../contract/contract-hash.js';
import type { CrosswalkIndex } from '../crosswalk/crosswalk-index.js';
import { FerryError } from '../errors.js';
import { CompiledTable } from '../transform/compiled-table.js';
import type { RowProblem } from '../transform/reject-reasons.js';
import type { LoadTarget, RowLineage } from './load-target.js';
import type { MigrationReport, TableLoad } from './migration-report.js';
import type { RejectsFile } from './rejects-file.js';
import { targetKeyColumn } from './target-ddl.js';

/** The rows of a source, by table: what a source connector provides to a load. */
export interface MigrationSource {
  tables(): string[];
  header(table: string): Promise<string[]>;
  rows(table: string): AsyncIterable<{ line: number; fields: string[] }>;
}

export interface MigrationOptions {
  jobId: string;
  contract: MappingContract;
  source: MigrationSource;
  targetCatalog: Catalog;
  crosswalks: CrosswalkIndex;
  releaseProfile: ReleaseProfile;
  target: LoadTarget;
  rejects: RejectsFile;
  batchSize?: number;
  onProgress?: (event: { table: string; rows: number; tableIndex: number; tableCount: number }) => void;
}

function targetTableOf(catalog: Catalog, t: ContractTable): CatalogTable {
  const table = catalog.tables.find((c) => c.name === t.target);
  if (!table) {
    throw new FerryError('FERRY_ERR_CONTRACT_INVALID', `Contract table ${t.target} is not in the target catalog`, { table: t.target });
  }
  return table;
}

/**
 * Runs one load job: every contract table in load order, streaming its source rows through the compiled contract into
 * the target in chunks. Every source row is loaded, rejected (with reasons, to rejects.csv) or out of scope, and the
 * report says so per table (conservation).
 */
export async function runMigration(options: MigrationOptions): Promise<MigrationReport> {
  const { contract, source, targetCatalog, crosswalks, releaseProfile, target, rejects, jobId } = options;
  const batchSize = options.batchSize ?? 5000;
  const hash = contractHash(contract);
  const sourceTables = new Set(source.tables());
  for (const t of contract.tables) {
    if (!sourceTables.has(t.source)) {
      throw new FerryError('FERRY_ERR_INPUT', `The source has no table ${t.source} (needed for ${t.target})`, { table: t.source });
    }
  }
  const loadTables = contract.tables.map((t) => targetTableOf(targetCatalog, t));
  await target.begin(jobId, loadTables, { contractHash: hash, releaseProfile });

  /** Target keys loaded by this job, per target table: parents for the orphan check, and duplicate detection. */
  const loadedKeys = new Map<string, Set<string>>();
  const tables: TableLoad[] = [];
  let outcome: 'completed' | 'failed' = 'failed';
  try {
    for (const [tableIndex, ct] of contract.tables.entries()) {
      const targetTable = loadTables[tableIndex]!;
      const header = await source.header(ct.source);
      const compiled = new CompiledTable(ct, { sourceHeader: header, targetTable, crosswalks, releaseProfile });
      const keyIndex = compiled.targetColumns.indexOf(targetKeyColumn(targetTable));
      const parents = ct.parents.map((p) => ({
        field: p.field,
        index: compiled.targetColumns.indexOf(p.field),
        keys: loadedKeys.get(p.table) ?? new Set<string>(),
        table: p.table,
      }));
      const own = new Set<string>();
      loadedKeys.set(ct.target, own);

      const ledger: TableLoad = {
        sourceTable: ct.source,
        targetTable: ct.target,
        domain: ct.domain,
        read: 0,
        loaded: 0,
        rejected: 0,
        outOfScope: 0,
        rejectsByReason: {},
        balanced: false,
      };
      const reject = async (key: string, line: number, problems: RowProblem[]) => {
        ledger.rejected++;
        for (const p of new Set(problems.map((x) => x.reasonCode))) {
          ledger.rejectsByReason[p] = (ledger.rejectsByReason[p] ?? 0) + 1;
        }
        await rejects.add(ct.source, key, ct.target, line, problems);
      };

      let rows: string[][] = [];
      let lineage: RowLineage[] = [];
      let chunkNo = 0;
      const flush = async () => {
        if (!rows.length) return;
        await target.writeChunk(jobId, { table: targetTable, chunkNo: chunkNo++, rows, lineage });
        rows = [];
        lineage = [];
      };

      for await (const record of source.rows(ct.source)) {
        ledger.read++;
        if (record.fields.length !== header.length) {
          await reject(compiled.sourceKey(record.fields), record.line, [
            {
              reasonCode: 'RAGGED_ROW',
              field: '',
              message: `row has ${record.fields.length} fields, header has ${header.length}`,
            },
          ]);
          continue;
        }
        const mapped = compiled.map(record.fields);
        if (mapped.status === 'out_of_scope') {
          ledger.outOfScope++;
          continue;
        }
        if (mapped.status === 'rejected') {
          await reject(mapped.key, record.line, mapped.problems);
          continue;
        }
        const problems: RowProblem[] = [];
        for (const p of parents) {
          const v = mapped.values[p.index]!;
          if (v !== '' && !p.keys.has(v)) {
            problems.push({ reasonCode: 'ORPHAN', field: p.field, message: `no loaded ${p.table} row with this key` });
          }
        }
        const targetKey = mapped.values[keyIndex]!;
        if (own.has(targetKey)) {
          problems.push({
            reasonCode: 'DUPLICATE_KEY',
            field: targetTable.columns[keyIndex]!.name,
            message: 'another row of this job has the same target key',
          });
        }
        if (problems.length) {
          await reject(mapped.key, record.line, problems);
          continue;
        }
        own.add(targetKey);
        ledger.loaded++;
        rows.push(mapped.values);
        lineage.push({ sourceTable: ct.source, sourceKey: mapped.key });
        if (rows.length >= batchSize) {
          await flush();
          options.onProgress?.({ table: ct.target, rows: ledger.read, tableIndex, tableCount: contract.tables.length });
        }
      }
      await flush();
      options.onProgress?.({ table: ct.target, rows: ledger.read, tableIndex, tableCount: contract.tables.length });
      ledger.balanced = ledger.read === ledger.loaded + ledger.rejected + ledger.outOfScope;
      tables.push(ledger);
    }
    outcome = 'completed';
  } finally {
    await target.finish(jobId, outcome);
  }

  const mapped = new Set(contract.tables.map((t) => t.source));
  const unmappedSourceTables: MigrationReport['unmappedSourceTables'] = [];
  for (const name of [...sourceTables].sort()) {
    if (mapped.has(name)) continue;
    let read = 0;
    for await (const _ of source.rows(name)) read++;
    unmappedSourceTables.push({ sourceTable: name, read, outOfScope: read, reason: 'table not loaded by the contract' });
  }

  const totals = { read: 0, loaded: 0, rejected: 0, outOfScope: 0, rejectRows: rejects.lines };
  for (const t of [...tables, ...unmappedSourceTables]) {
    totals.read += t.read;
    totals.outOfScope += t.outOfScope;
    if ('loaded' in t) {
      totals.loaded += t.loaded;
      totals.rejected += t.rejected;
    }
  }
  return {
    version: 1,
    jobId,
    contract: { name: contract.name, label: contract.label, hash },
    releaseProfile,
    tables,
    unmappedSourceTables,
    totals,
    balanced: tables.every((t) => t.balanced) && totals.read === totals.loaded + totals.rejected + totals.outOfScope,
  };
}
