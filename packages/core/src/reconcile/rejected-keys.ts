import { readCsvRecords } from '../connectors/csv/csv-reader.js';
import { unguardCsvCell } from '../connectors/csv/csv-writer.js';

/** Reads rejects.csv back into source keys per source table (what the load rejected, for reconciliation). */
export async function readRejectedKeys(rejectsCsvPath: string): Promise<Map<string, Set<string>>> {
  const keys = new Map<string, Set<string>>();
  let header = true;
  for await (const { fields } of readCsvRecords(rejectsCsvPath)) {
    if (header) {
      header = false;
      continue;
    }
    const [table = '', key = ''] = fields.map(unguardCsvCell);
    let set = keys.get(table);
    if (!set) {
      set = new Set();
      keys.set(table, set);
    }
    set.add(key);
  }
  return keys;
}
