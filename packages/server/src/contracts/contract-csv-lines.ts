import { parseCsvTextRecords } from '@ferry/core';

/**
 * The line of each row of a contract CSV (by target table and column), so problems found after parsing can name
 * the line a person edits; a table alone gives the line of its first row. Call it only on text that parsed.
 */
export function contractCsvLines(
  text: string,
  fileName: string,
): (table: string, column?: string) => number | undefined {
  const [header, ...records] = parseCsvTextRecords(text, fileName);
  const names = (header?.fields ?? []).map((f) => f.trim().toLowerCase());
  const tableAt = names.indexOf('target_table');
  const columnAt = names.indexOf('target_column');
  const rows = new Map<string, number>();
  const tables = new Map<string, number>();
  for (const r of records) {
    const table = r.fields[tableAt]?.trim() ?? '';
    const column = r.fields[columnAt]?.trim() ?? '';
    if (!rows.has(`${table}\u0000${column}`)) rows.set(`${table}\u0000${column}`, r.line);
    if (!tables.has(table)) tables.set(table, r.line);
  }
  return (table, column) =>
    (column === undefined ? undefined : rows.get(`${table}\u0000${column}`)) ?? tables.get(table);
}
