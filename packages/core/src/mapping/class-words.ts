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
