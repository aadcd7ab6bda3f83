import type { Catalog, CatalogColumn, CatalogTable } from '../catalog/catalog-model.js';
import { lookupStems } from '../crosswalk/local-code-labels.js';
import { type KeyColumn, keySuffixClass } from './key-columns.js';
import { baseTableTokens, copyTableTokens, tableNameTokens } from './table-name-tokens.js';

/** One piece of evidence: its words, and how it moves the confidence (a weight joins by noisy-or, a factor multiplies). */
export interface EdgeEvidence {
  text: string;
  weight?: number;
  factor?: number;
}

/** A possible relationship from a child column to a parent key, with the evidence for it. */
export interface RelationshipCandidate {
  table: string;
  column: string;
  parent: KeyColumn;
  evidence: EdgeEvidence[];
}

/** Weights of the name and description signals (joined by noisy-or): see `relationshipCandidates`. */
export const signalWeights = {
  sameName: 0.65,
  suffixName: 0.5,
  uniqueKeyName: 0.3,
  stemNamesTable: 0.45,
  roleNamesTable: 0.35,
  codeTypeNamesLookup: 0.55,
  descriptionNamesKey: 0.85,
  descriptionNamesTable: 0.45,
  descriptionNamesKeyColumn: 0.4,
} as const;

/** A key with its name facts computed once. */
interface KeyInfo {
  key: KeyColumn;
  /** Names a column stem may use for the table: base name and last token. */
  stems: string[];
  /** First copy token (ARC, AUD, HIST...), or '' for a live table. */
  copy: string;
  /** The live table's name (`ARC_ADM_SPELL` -> `ADM_SPELL`). */
  live: string;
  module: string;
  lookupStems: string[];
  suffixClass: 'ID' | 'CODE' | undefined;
}

function copyKind(table: string): string {
  return tableNameTokens(table).find((t) => copyTableTokens.has(t)) ?? '';
}

function keyInfo(key: KeyColumn): KeyInfo {
  const base = baseTableTokens(key.table);
  return {
    key,
    stems: [base.join('_'), base.at(-1) ?? ''],
    copy: copyKind(key.table),
    live: base.join('_'),
    module: base[0] ?? '',
    lookupStems: lookupStems(key.table),
    suffixClass: keySuffixClass(key.column),
  };
}

function stemMatches(stem: string, info: KeyInfo): boolean {
  return stem !== '' && info.stems.some((n) => n === stem || (stem.length >= 3 && n.startsWith(stem)));
}

function isText(t: string): boolean {
  return t === 'string' || t === 'code';
}

/** Words of a description, with TABLE.COLUMN pairs kept whole. */
function words(text: string): Set<string> {
  return new Set(text.match(/[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)?/g) ?? []);
}

interface ColumnInfo {
  table: CatalogTable;
  column: CatalogColumn;
  name: string;
  tokens: string[];
  suffixClass: 'ID' | 'CODE' | undefined;
  described: Set<string>;
  copy: string;
  module: string;
}

/** Name and description evidence that a column refers to a key (empty when there is none). */
function nameEvidence(
  c: ColumnInfo,
  k: KeyInfo,
  uniqueKeyNames: ReadonlySet<string>,
  liveTables: ReadonlySet<string>,
): EdgeEvidence[] {
  const out: EdgeEvidence[] = [];
  const { key } = k;
  const keyName = key.column.toUpperCase();
  const { tokens, suffixClass } = c;
  if (c.name === keyName)
    out.push({ text: `column name equals the key ${key.table}.${key.column}`, weight: signalWeights.sameName });
  else if (c.name.endsWith(`_${keyName}`))
    out.push({ text: `column name ends with the key name ${key.column}`, weight: signalWeights.suffixName });
  else if (
    suffixClass &&
    tokens.length > 1 &&
    suffixClass === k.suffixClass &&
    stemMatches(tokens.slice(0, -1).join('_'), k)
  ) {
    out.push({
      text: `column stem ${tokens.slice(0, -1).join('_')} names table ${key.table}`,
      weight: signalWeights.stemNamesTable,
    });
  } else if (suffixClass && tokens.length > 2 && suffixClass === k.suffixClass && stemMatches(tokens.at(-2)!, k)) {
    out.push({ text: `column role ${tokens.at(-2)} names table ${key.table}`, weight: signalWeights.roleNamesTable });
  } else if (!suffixClass && tokens.length > 1 && tokens.at(-1)!.length >= 3 && stemMatches(tokens.at(-1)!, k)) {
    out.push({ text: `column role ${tokens.at(-1)} names table ${key.table}`, weight: signalWeights.roleNamesTable });
  }
  if (out.length > 0 && (c.name === keyName || c.name.endsWith(`_${keyName}`)) && uniqueKeyNames.has(key.column)) {
    out.push({ text: `${key.table} is the only table keyed by ${key.column}`, weight: signalWeights.uniqueKeyName });
  }
  const codeType = c.column.codeType?.toUpperCase();
  if (
    codeType &&
    !key.alternate &&
    (k.lookupStems.includes(codeType) || k.live === codeType) &&
    key.table.toUpperCase() !== codeType
  ) {
    out.push({
      text: `code type ${c.column.codeType} names lookup table ${key.table}`,
      weight: signalWeights.codeTypeNamesLookup,
    });
  }
  // A copy (archive) table whose description names a live table refers to that table's copy of the same kind.
  const describedTable = k.copy && k.copy === c.copy && liveTables.has(k.live) ? k.live : key.table;
  const via = describedTable !== key.table ? `, and this ${c.copy} table refers to its ${k.copy} copy` : '';
  if (c.described.has(`${describedTable}.${key.column}`)) {
    out.push({
      text: `description names ${describedTable}.${key.column}${via}`,
      weight: signalWeights.descriptionNamesKey,
    });
  } else if (c.described.has(describedTable) && !key.alternate) {
    out.push({ text: `description names table ${describedTable}${via}`, weight: signalWeights.descriptionNamesTable });
  } else if (c.described.has(key.column) && uniqueKeyNames.has(key.column) && c.name !== keyName) {
    out.push({ text: `description names key column ${key.column}`, weight: signalWeights.descriptionNamesKeyColumn });
  }
  if (out.length === 0) return out;
  if (c.column.dataType !== key.dataType && !(isText(c.column.dataType) && isText(key.dataType))) {
    out.push({ text: `types differ (${c.column.dataType} vs ${key.dataType})`, factor: 0.7 });
  }
  if (key.alternate) out.push({ text: 'parent column is an alternate key found by name', factor: 0.85 });
  if (k.copy && !c.copy) out.push({ text: `${key.table} is an archive/audit/history copy`, factor: 0.5 });
  else if (k.copy && c.copy && k.copy !== c.copy) out.push({ text: 'a different kind of copy', factor: 0.8 });
  else if (c.copy && !k.copy) out.push({ text: `a ${c.copy} table referring to a live table`, factor: 0.9 });
  if (c.module !== k.module) out.push({ text: 'different module', factor: 0.92 });
  return out;
}

/**
 * Candidate relationships found by names and descriptions, for every column that is not its table's single-column
 * primary key (and, with `skip`, that is not skipped: e.g. columns with a declared reference). Signals (weights
 * joined by noisy-or): the column name equals a key's name (PAT_ID -> PATIENT.PAT_ID; stronger when one table only
 * is keyed by that name), ends with it (MINOR_PAT_ID), or its stem or role names the key's table (SPEC_CD ->
 * SPECIALTY.SPEC_CD, DEFAULT_PRINTER -> SYS_PRINTER); its code type names a lookup table (ETHNIC -> LKP_ETHNIC); its
 * description names the key, the table or a key column only one table has. Factors lower the score for differing
 * types, alternate keys, archive/audit/history copies (a copy's columns prefer the copy of the same kind) and other
 * modules.
 */
export function relationshipCandidates(
  catalog: Catalog,
  keys: readonly KeyColumn[],
  skip: (table: string, column: string) => boolean = () => false,
): RelationshipCandidate[] {
  const keyNameCount = new Map<string, number>();
  for (const k of keys) if (!k.alternate) keyNameCount.set(k.column, (keyNameCount.get(k.column) ?? 0) + 1);
  const uniqueKeyNames = new Set([...keyNameCount].filter(([, n]) => n === 1).map(([k]) => k));
  const liveTables = new Set(catalog.tables.map((t) => t.name));
  const infos = keys.map(keyInfo);
  const out: RelationshipCandidate[] = [];
  for (const table of catalog.tables) {
    const pk = table.columns.filter((c) => c.primaryKey);
    const base = baseTableTokens(table.name);
    const copy = copyKind(table.name);
    for (const column of table.columns) {
      if (pk.length === 1 && column.primaryKey) continue;
      if (skip(table.name, column.name)) continue;
      const info: ColumnInfo = {
        table,
        column,
        name: column.name.toUpperCase(),
        tokens: tableNameTokens(column.name),
        suffixClass: keySuffixClass(column.name),
        described: words(column.description),
        copy,
        module: base[0] ?? '',
      };
      for (const k of infos) {
        if (k.key.table === table.name && k.key.column === column.name) continue;
        const evidence = nameEvidence(info, k, uniqueKeyNames, liveTables);
        if (evidence.length > 0) out.push({ table: table.name, column: column.name, parent: k.key, evidence });
      }
    }
  }
  return out;
}

/** Confidence from evidence: 1 - prod(1 - weight), times every factor; rounded to 3 decimals. */
export function confidenceOf(evidence: readonly EdgeEvidence[]): number {
  let miss = 1;
  let factor = 1;
  for (const e of evidence) {
    if (e.weight !== undefined) miss *= 1 - e.weight;
    if (e.factor !== undefined) factor *= e.factor;
  }
  return Math.round((1 - miss) * factor * 1000) / 1000;
}
