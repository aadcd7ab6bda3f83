/** Name tokens that mark a copy of a table rather than the table itself (archive, audit, history). */
export const copyTableTokens = new Set([
  'ARC',
  'ARCH',
  'ARCHIVE',
  'AUD',
  'AUDIT',
  'HIST',
  'HISTORY',
  'LOG',
  'BAK',
  'OLD',
  'TMP',
  'COPY',
]);

/** Upper-case tokens of a table or column name (`_`, `-`, spaces and camelCase split). */
export function tableNameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

/** The tokens of a table name without archive/audit/history markers: `ARC_ADM_SPELL` -> `ADM_SPELL`. */
export function baseTableTokens(table: string): string[] {
  return tableNameTokens(table).filter((t) => !copyTableTokens.has(t));
}

/** True when the table name has an archive/audit/history marker. */
export function isCopyTable(table: string): boolean {
  return tableNameTokens(table).some((t) => copyTableTokens.has(t));
}

/** The first token of a table name: its module (`PATH_REQ` -> `PATH`). */
export function moduleOf(table: string): string {
  return baseTableTokens(table)[0] ?? '';
}

/**
 * True when a column-name stem names a table: equal to the table's base name or to its last token, or a prefix of
 * 3+ letters of either (`SPEC` ~ `SPECIALTY`, `PRINTER` ~ `SYS_PRINTER`, `PAT` ~ `PATIENT`).
 */
export function stemNamesTable(stem: string, table: string): boolean {
  const tokens = baseTableTokens(table);
  if (tokens.length === 0 || stem.length === 0) return false;
  const names = [tokens.join('_'), tokens.at(-1)!];
  return names.some((n) => n === stem || (stem.length >= 3 && n.startsWith(stem)));
}
