import { stemWord } from './word-stem.js';

/**
 * Class words: the last word of a column name often says what kind of value it holds (..._DATE, ..._TYPE,
 * ..._FLAG). Words of one family are interchangeable; two different families rarely map to each other
 * (a ..._TYPE field is not fed by a ..._NUMBER column). Entries are stemmed like name concepts.
 */
const families: ReadonlyArray<readonly string[]> = [
  ['DATE', 'TIME', 'DTTM', 'TIMESTAMP'],
  ['NUMBER', 'IDENTIFIER', 'CODE'],
  ['FLAG', 'INDICATOR'],
  ['DESCRIPTION', 'TEXT', 'COMMENT', 'NAME', 'NOTE'],
  ['TYPE'],
  ['STATUS'],
  ['REASON'],
  ['COUNT'],
  ['AMOUNT'],
  ['USER'],
];

/** The class words as written (unstemmed): DATE, CODE, STATUS... */
export const classWords: ReadonlySet<string> = new Set(families.flat());

const familyOf = new Map<string, number>();
families.forEach((words, i) => {
  for (const w of words) familyOf.set(stemWord(w), i);
});

/**
 * The class family of a name's head concept, or `undefined` when its last word is not a class word.
 *
 * @example
 * classFamily('DAT') === classFamily('TIM') // => true (DATE, TIME)
 */
export function classFamily(headConcept: string | undefined): number | undefined {
  return headConcept === undefined ? undefined : familyOf.get(headConcept);
}

/** True when both heads are class words of different families. */
export function classWordsConflict(a: string | undefined, b: string | undefined): boolean {
  const fa = classFamily(a);
  const fb = classFamily(b);
  return fa !== undefined && fb !== undefined && fa !== fb;
}

const flagFamily = familyOf.get(stemWord('FLAG'))!;
const dateFamily = familyOf.get(stemWord('DATE'))!;

/**
 * The class word a column's declared type implies when its name has none of that family: a boolean column is
 * a flag (`Active` reads as ACTIVE FLAG), a date or date-time column a date (`ValidFrom` reads as VALID FROM
 * DATE). `undefined` when the type implies nothing or the name already says it.
 *
 * @example
 * impliedClassWord('boolean', ['ACTIV']) // => 'FLAG'
 * impliedClassWord('date', ['DAT', 'BIRTH']) // => undefined
 */
export function impliedClassWord(dataType: string, concepts: readonly string[]): string | undefined {
  const family =
    dataType === 'boolean' ? flagFamily : dataType === 'date' || dataType === 'datetime' ? dateFamily : undefined;
  if (family === undefined || concepts.some((c) => familyOf.get(c) === family)) return undefined;
  return family === flagFamily ? stemWord('FLAG') : stemWord('DATE');
}
