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
  if (writtenDateFormat(profile)) return profile.dateFormatCensus?.withTime ? 'datetime' : 'date';
  return profile.detectedType;
}

/**
 * The date format a column's values are written in when the profile's census decided one (`yyyymmdd` digits,
 * `dd/mm/yyyy`...): such a column holds dates whatever its values also look like (8-digit integers).
 */
export function writtenDateFormat(profile: ColumnProfile | undefined): string | undefined {
  const census = profile?.dateFormatCensus;
  return census?.decision === 'decided' && census.values > 0 && census.fitNone * 10 <= census.values
    ? census.format
    : undefined;
}

/** Day counts of 1900..2100 in both common epochs: Horolog (31 Dec 1840) and Excel serials (30 Dec 1899). */
const dayCountRange = { min: 21_550, max: 94_600 } as const;

/**
 * True when an integer column's values all lie where Horolog or Excel day counts of 1900..2100 lie, and not
 * where a row counter starting at 1 would: a MUMPS-era `+$H` date. Such values may be dates; they are never
 * read as evidence against a date field.
 */
export function mayBeDayCounts(profile: ColumnProfile | undefined): boolean {
  if (profile?.detectedType !== 'integer' || profile.extremes !== 'numeric') return false;
  const min = Number(profile.min);
  const max = Number(profile.max);
  return min >= dayCountRange.min && max <= dayCountRange.max && profile.distinct > 1;
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
    case 'integer':
      return writtenDateFormat(p) ? `values are dates written ${writtenDateFormat(p)}` : 'values look like integer';
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
  if ((target === 'date' || target === 'datetime') && mayBeDayCounts(profile)) {
    return { score: 0, reason: 'values may be day counts (Horolog or Excel dates)' };
  }
  const conflict = (): ValueEvidence => ({ score: -1, reason: `${describeValues(profile)}, not ${target}` });
  if (target === 'text') return distinctive.has(seen) ? conflict() : { score: 0 };
  if (fits[target].includes(seen)) {
    return seen === target || distinctive.has(seen) ? { score: 1, reason: describeValues(profile) } : { score: 0 };
  }
  // Only values recognised as another distinctive kind speak against a match: a format not recognised (integers
  // where a date is expected) may be one Ferry does not read, and never counts against it.
  return distinctive.has(seen) ? conflict() : { score: 0 };
}
