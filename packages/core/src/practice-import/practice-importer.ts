import type { SourceRecord } from '../connectors/source-connector.js';
import {
  addCounts,
  type DuplicatePolicy,
  emptyCounts,
  type ImportCounts,
  type ImportedRecord,
  type ImportReject,
  type PracticeRecordSink,
} from './practice-import-model.js';
import type { PracticePreset, PracticePresetTable } from './practice-preset.js';
import { TableRecordMapper } from './table-record-mapper.js';

/** How one file (or one batch of JSON records) of one record type is imported. */
export interface TableImportOptions {
  preset: PracticePreset;
  table: PracticePresetTable;
  /** The source columns, in the order of each record's fields. */
  header: readonly string[];
  /** The file name recorded with every record and reject (no folder). */
  sourceFile: string;
  sink: PracticeRecordSink;
  /** Records per transaction (1,000 by default). */
  batchSize?: number;
  /** A record whose key the company already holds: `skip` it (counted) or `reject` it (DUPLICATE_KEY). */
  duplicates?: DuplicatePolicy;
  /** Without it, the import stops after the first batch with a reject (that batch's records are not written). */
  continueOnError?: boolean;
  onProgress?: (counts: ImportCounts) => void;
}

/** What importing one table did; `stopped` is the first reject when the import stopped on it. */
export interface TableImportResult {
  counts: ImportCounts;
  stopped?: ImportReject;
}

/** Records whose parent link names no record the company holds (or this batch brings) become ORPHAN rejects. */
async function orphans(
  table: PracticePresetTable,
  records: ImportedRecord[],
  sink: PracticeRecordSink,
): Promise<{ kept: ImportedRecord[]; rejects: ImportReject[] }> {
  const rejects: ImportReject[] = [];
  let kept = records;
  for (const parent of table.contractTable.parents) {
    const keys = [...new Set(kept.map((r) => r.values[parent.field]).filter((v): v is string => v !== undefined))];
    const known = keys.length ? await sink.existingKeys(parent.table, keys) : new Set<string>();
    if (parent.table === table.targetTable) for (const r of kept) known.add(r.key);
    const next: ImportedRecord[] = [];
    for (const r of kept) {
      const v = r.values[parent.field];
      if (v === undefined || known.has(v)) next.push(r);
      else
        rejects.push({
          table: r.table,
          key: r.key,
          sourceFile: r.sourceFile,
          sourceLine: r.sourceLine,
          reasonCode: 'ORPHAN',
          field: parent.field,
          message: `no ${parent.table} with this key was imported for the company`,
        });
    }
    kept = next;
  }
  return { kept, rejects };
}

/** Within one batch a key imports once; a later record with the same key is a duplicate of it. */
function firstOfEachKey(records: ImportedRecord[], duplicates: DuplicatePolicy) {
  const seen = new Set<string>();
  const kept: ImportedRecord[] = [];
  const rejects: ImportReject[] = [];
  let skipped = 0;
  for (const r of records) {
    if (!seen.has(r.key)) {
      seen.add(r.key);
      kept.push(r);
    } else if (duplicates === 'skip') skipped++;
    else
      rejects.push({
        table: r.table,
        key: r.key,
        sourceFile: r.sourceFile,
        sourceLine: r.sourceLine,
        reasonCode: 'DUPLICATE_KEY',
        field: '',
        message: 'an earlier record of this import has the same key',
      });
  }
  return { kept, rejects, skipped };
}

/**
 * Imports one table's records into a company through a sink, in batches (each one transaction): maps them with the
 * preset's contract, rejects orphans (a parent the company does not hold) and duplicates (or skips them), and writes
 * records with their source file and line. Conservation holds per batch: read = imported + skipped + rejected +
 * out of scope.
 *
 * @example
 * const result = await importTableRecords(source.rows('patients'), { preset, table, header, sourceFile: 'patients.csv', sink });
 */
export async function importTableRecords(
  records: AsyncIterable<SourceRecord> | Iterable<SourceRecord>,
  options: TableImportOptions,
): Promise<TableImportResult> {
  const { preset, table, header, sourceFile, sink } = options;
  const batchSize = options.batchSize ?? 1000;
  const duplicates = options.duplicates ?? 'reject';
  const mapper = new TableRecordMapper(preset, table, header, sourceFile);
  let counts = emptyCounts();
  let batch: SourceRecord[] = [];

  const flush = async (): Promise<ImportReject | undefined> => {
    const mapped = mapper.map(batch);
    const read = batch.length;
    batch = [];
    const unique = firstOfEachKey(mapped.records, duplicates);
    const linked = await orphans(table, unique.kept, sink);
    const rejects = [...mapped.rejects, ...unique.rejects, ...linked.rejects].sort(
      (a, b) => a.sourceLine - b.sourceLine,
    );
    if (rejects.length && !options.continueOnError) {
      // Stop: the batch's rejects are recorded, its records are not written (the person fixes and imports again).
      const outcome = await sink.writeBatch([], rejects, duplicates);
      counts = addCounts(counts, {
        read: outcome.rejected,
        imported: 0,
        skipped: 0,
        rejected: outcome.rejected,
        outOfScope: 0,
      });
      return rejects[0];
    }
    const outcome = await sink.writeBatch(linked.kept, rejects, duplicates);
    counts = addCounts(counts, {
      read,
      imported: outcome.imported,
      skipped: outcome.skipped + unique.skipped,
      rejected: outcome.rejected,
      outOfScope: mapped.outOfScope,
    });
    options.onProgress?.(counts);
    return undefined;
  };

  for await (const r of records) {
    batch.push(r);
    if (batch.length >= batchSize) {
      const stopped = await flush();
      if (stopped) return { counts, stopped };
    }
  }
  if (batch.length) {
    const stopped = await flush();
    if (stopped) return { counts, stopped };
  }
  return { counts };
}
