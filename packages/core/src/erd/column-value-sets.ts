import { isMalformedCsvRecord } from '../connectors/csv/csv-malformed-record.js';
import type { ProfileSourceConnector } from '../profile/profile-source.js';

/** The distinct non-blank values (trimmed) of one column, and how many non-blank values it has. */
export interface ColumnValues {
  distinct: Set<string>;
  nonBlank: number;
  /** True when more distinct values were seen than kept (the set is the first `cap` of them). */
  truncated: boolean;
}

/** What was read: per table, its row count and its columns' values. Tables the source lacks are absent. */
export interface SourceValueSets {
  rows: Map<string, number>;
  columns: Map<string, Map<string, ColumnValues>>;
}

/**
 * Streams the tables of a source once each and collects the distinct values of the wanted columns (at most `cap`
 * distinct values per column). Columns missing from a table's header are skipped.
 *
 * @example
 * const sets = await readColumnValueSets(source, new Map([['PATIENT', new Set(['PAT_ID'])]]));
 * sets.columns.get('PATIENT')?.get('PAT_ID')?.distinct.size
 */
export async function readColumnValueSets(
  source: ProfileSourceConnector,
  wanted: ReadonlyMap<string, ReadonlySet<string>>,
  cap = 1_000_000,
): Promise<SourceValueSets> {
  const available = new Set(await source.tables());
  const result: SourceValueSets = { rows: new Map(), columns: new Map() };
  for (const [table, columns] of wanted) {
    if (!available.has(table)) continue;
    const header = await source.header(table);
    const picked: Array<{ index: number; values: ColumnValues }> = [];
    const byName = new Map<string, ColumnValues>();
    for (const name of columns) {
      const index = header.indexOf(name);
      if (index < 0) continue;
      const values: ColumnValues = { distinct: new Set(), nonBlank: 0, truncated: false };
      picked.push({ index, values });
      byName.set(name, values);
    }
    let rows = 0;
    for await (const record of source.rows(table)) {
      if (isMalformedCsvRecord(record)) continue;
      rows++;
      for (const { index, values } of picked) {
        const v = (record.fields[index] ?? '').trim();
        if (v === '') continue;
        values.nonBlank++;
        if (values.distinct.has(v)) continue;
        if (values.distinct.size < cap) values.distinct.add(v);
        else values.truncated = true;
      }
    }
    result.rows.set(table, rows);
    result.columns.set(table, byName);
  }
  return result;
}

/** Share of the child's distinct values found in the parent's; undefined when the child has no values. */
export function containment(child: ColumnValues, parent: ColumnValues): { share: number; orphans: number } | undefined {
  if (child.distinct.size === 0) return undefined;
  let found = 0;
  for (const v of child.distinct) if (parent.distinct.has(v)) found++;
  return { share: found / child.distinct.size, orphans: child.distinct.size - found };
}
