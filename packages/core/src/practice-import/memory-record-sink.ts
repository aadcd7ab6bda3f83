import type {
  BatchOutcome,
  DuplicatePolicy,
  ImportedRecord,
  ImportReject,
  PracticeRecordSink,
} from './practice-import-model.js';

/**
 * A company's records in memory: the sink of tests and of a dry run. Keys are unique per table, as in the platform
 * database.
 *
 * @example
 * const sink = new MemoryRecordSink();
 * await importTableRecords(rows, { preset, table, header, sourceFile: 'patients.csv', sink });
 * sink.records.get('patient')?.size;
 */
export class MemoryRecordSink implements PracticeRecordSink {
  readonly records = new Map<string, Map<string, ImportedRecord>>();
  readonly rejects: ImportReject[] = [];

  async existingKeys(table: string, keys: readonly string[]): Promise<Set<string>> {
    const held = this.records.get(table);
    return new Set(keys.filter((k) => held?.has(k)));
  }

  async writeBatch(
    records: readonly ImportedRecord[],
    rejects: readonly ImportReject[],
    duplicates: DuplicatePolicy,
  ): Promise<BatchOutcome> {
    let imported = 0;
    let skipped = 0;
    const all = [...rejects];
    for (const r of records) {
      let held = this.records.get(r.table);
      if (!held) {
        held = new Map();
        this.records.set(r.table, held);
      }
      if (!held.has(r.key)) {
        held.set(r.key, r);
        imported++;
      } else if (duplicates === 'skip') skipped++;
      else all.push(duplicateReject(r));
    }
    this.rejects.push(...all);
    return { imported, skipped, rejected: all.length };
  }
}

/** The reject of a record whose key the company already holds (policy `reject`). */
export function duplicateReject(r: ImportedRecord): ImportReject {
  return {
    table: r.table,
    key: r.key,
    sourceFile: r.sourceFile,
    sourceLine: r.sourceLine,
    reasonCode: 'DUPLICATE_KEY',
    field: '',
    message: 'the company already holds a record with this key',
  };
}
