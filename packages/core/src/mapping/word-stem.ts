/**
 * A light stemmer for upper-case schema words, so that ADMISSIONS ~ ADMISSION and CREATED ~ CREATE.
 * It only has to map related forms to the same stem; the stems need not be real words.
 *
 * @example
 * stemWord('ADMISSIONS') // => 'ADMISSION'
 * stemWord('CREATED') === stemWord('CREATE') // => true
 */
export function stemWord(word: string): string {
  let w = word;
  if (/\d/.test(w) || w.length <= 3) return w;
  if (w.endsWith('IES') && w.length > 4) w = `${w.slice(0, -3)}Y`;
  else if (w.endsWith('SES') && w.length > 5) w = w.slice(0, -2);
  else if (w.endsWith('S') && !w.endsWith('SS') && !w.endsWith('US') && !w.endsWith('IS')) w = w.slice(0, -1);
  if (w.endsWith('ED') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ING') && w.length > 5) w = w.slice(0, -3);
  if (w.endsWith('E') && w.length > 3) w = w.slice(0, -1);
  return w;
}
