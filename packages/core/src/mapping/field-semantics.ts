import type { CatalogColumn } from '../catalog/catalog-model.js';
import type { ColumnProfile } from '../profile/profile-model.js';

/** What a field holds, as far as matching cares. */
export const semanticClasses = [
  'nhs_number',
  'postcode',
  'date',
  'datetime',
  'flag',
  'code',
  'integer',
  'decimal',
  'text',
  'unknown',
] as const;
export type SemanticClass = (typeof semanticClasses)[number];

const has = (concepts: readonly string[], ...words: string[]) => words.every((w) => concepts.includes(w));

/**
 * The class of a target field from its catalog entry and name concepts (stemmed): NHS number, postcode,
 * then the declared type, with flags recognised by a FLAG/INDICATOR name or a boolean type. `head` is the
 * name's last concept (default: the last of `concepts`).
 *
 * @example
 * targetSemantic({ name: 'NHS_NUMBER', dataType: 'string', ... }, ['NHS', 'NUMBER']) // => 'nhs_number'
 */
export function targetSemantic(column: CatalogColumn, concepts: readonly string[], head?: string): SemanticClass {
  const last = head ?? concepts.at(-1);
  // The head word decides: NHS_NUMBER is an NHS number, NHS_NUMBER_STATUS is a status.
  if (has(concepts, 'NHS', 'NUMBER') && last === 'NUMBER') return 'nhs_number';
  if (last === 'POSTCOD') return 'postcode';
  if (column.dataType === 'date' || column.dataType === 'datetime') return column.dataType;
  if (column.dataType === 'boolean') return 'flag';
  if (last === 'FLAG' || last === 'INDICATOR') return 'flag';
  if (column.dataType === 'code' || column.codeType) return 'code';
  if (column.dataType === 'integer' || column.dataType === 'decimal') return column.dataType;
  return 'text';
}

/**
 * The class of a source column seen in its values: `undefined` without a profile or when the column is empty.
 */
export function profiledSemantic(profile: ColumnProfile | undefined): SemanticClass | undefined {
  if (!profile || profile.detectedType === 'empty') return undefined;
  return profile.detectedType;
}

/** Value evidence for a pair: agreement (+), conflict (-) or nothing to say (0), with a reason. */
export interface ValueEvidence {
  score: -1 | 0 | 1;
  reason?: string;
}

const percent = (share: number) => `${Math.floor(share * 100)}%`;

function describeValues(p: ColumnProfile): string {
  const share = p.conformingShare;
  switch (p.detectedType) {
    case 'nhs_number':
      return `${percent(share)} values pass Mod 11`;
    case 'postcode':
      return `${percent(share)} values are valid postcodes`;
    case 'date':
    case 'datetime':
      return `${percent(share)} values parse as ${p.format ?? p.detectedType}`;
    case 'flag':
      return `${percent(share)} values are Y/N flags`;
    case 'code':
      return `values form a code list (${p.distinct} distinct)`;
    default:
      return `values look like ${p.detectedType}`;
  }
}

/** Which profiled classes fit which target classes. */
const fits: Readonly<Record<SemanticClass, readonly SemanticClass[]>> = {
  nhs_number: ['nhs_number'],
  postcode: ['postcode'],
  date: ['date', 'datetime'],
  datetime: ['datetime', 'date'],
  flag: ['flag', 'code'],
  code: ['code', 'flag', 'integer'],
  integer: ['integer', 'code'],
  decimal: ['decimal', 'integer'],
  text: ['text', 'code', 'integer', 'postcode', 'flag', 'decimal', 'nhs_number', 'date', 'datetime'],
  unknown: [],
};

/** Strong value classes: a source holding these rarely feeds a target of another class. */
const distinctive: ReadonlySet<SemanticClass> = new Set(['nhs_number', 'postcode', 'date', 'datetime']);

/**
 * Compares what a target field should hold with what the source column's values look like.
 *
 * @example
 * valueEvidence('nhs_number', nhsProfile) // => { score: 1, reason: '97% values pass Mod 11' }
 */
export function valueEvidence(target: SemanticClass, profile: ColumnProfile | undefined): ValueEvidence {
  const seen = profiledSemantic(profile);
  if (!seen || !profile || target === 'unknown') return { score: 0 };
  const conflict = (): ValueEvidence => ({ score: -1, reason: `${describeValues(profile)}, not ${target}` });
  if (target === 'text') return distinctive.has(seen) ? conflict() : { score: 0 };
  if (fits[target].includes(seen)) {
    return seen === target || distinctive.has(seen) ? { score: 1, reason: describeValues(profile) } : { score: 0 };
  }
  return distinctive.has(target) || distinctive.has(seen) ? conflict() : { score: 0 };
}
