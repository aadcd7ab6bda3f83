/**
 * Reads abbreviations nobody listed, the way people make them: by truncation (`OCC` for OCCUPATION), by dropping
 * vowels (`SRNM` for SURNAME, `GVN` for GIVEN, `MRTL` for MARITAL), by a consonant skeleton cut short (`RGSTRD` for
 * REGISTERED, `CNSLT` for CONSULTANT) or by keeping the first letter and the next consonant (`NM` for NAME, `SX` for
 * SEX). A short token is matched against the words of a vocabulary (the target's names and the phrase, synonym and
 * abbreviation knowledge), scored by how well its letters align with the word and how common the word is there.
 * Nothing here names a schema.
 */

const vowels = new Set(['A', 'E', 'I', 'O', 'U']);
const isVowel = (ch: string) => vowels.has(ch);

/** First letter, then the consonants, doubled letters once: SURNAME -> SRNM, REGISTERED -> RGSTRD. */
export function consonantSkeleton(word: string): string {
  let out = word[0] ?? '';
  for (let i = 1; i < word.length; i++) {
    const ch = word[i]!;
    if (isVowel(ch) || ch === 'Y' || ch === out.at(-1)) continue;
    out += ch;
  }
  return out;
}

/** True when every letter of `short` appears in `long` in order. */
function isSubsequence(short: string, long: string): boolean {
  let j = 0;
  for (let i = 0; i < long.length && j < short.length; i++) if (long[i] === short[j]) j++;
  return j === short.length;
}

const vowelCount = (w: string) => [...w].filter(isVowel).length;

/**
 * How well `token` reads as an abbreviation of `word` (0..1): 0 when it cannot be one. Both upper case.
 *
 * @example
 * abbreviationFit('SRNM', 'SURNAME') // => 1 (the consonant skeleton)
 * abbreviationFit('OCC', 'OCCUPATION') // => 0.9 (a truncation)
 * abbreviationFit('NM', 'NAME') // => 0.7 (first letter and next consonant)
 */
export function abbreviationFit(token: string, word: string): number {
  if (token.length < 2 || word.length <= token.length || token[0] !== word[0]) return 0;
  if (!isSubsequence(token, word)) return 0;
  const skeleton = consonantSkeleton(word);
  const tokenSkeleton = consonantSkeleton(token);
  if (token.length === 2) {
    // Two letters: the first letter and the word's next consonant (NM, SX, LN), best when that is the whole
    // skeleton (NM ~ NAME), or a plain truncation.
    if (skeleton === token) return 0.8;
    if (skeleton.startsWith(token)) return word.startsWith(token) ? 0.7 : 0.6;
    return word.startsWith(token) ? 0.5 : 0;
  }
  if (word.startsWith(token)) return 0.9;
  // A spelt-out word is no abbreviation: tokens with vowels must align with the word's skeleton in full.
  if (skeleton === tokenSkeleton) return 1;
  if (skeleton.startsWith(tokenSkeleton) && tokenSkeleton.length >= 3) {
    return 0.75 + 0.2 * (tokenSkeleton.length / skeleton.length);
  }
  if (vowelCount(token) > 0) return 0;
  // A past participle or gerund cut to its consonants (RGSTRD ~ REGISTRATION, TRCD ~ TRACED): the stem aligns.
  for (const suffix of ['D', 'NG']) {
    const stem = token.endsWith(suffix) ? token.slice(0, -suffix.length) : '';
    if (stem.length >= 3 && skeleton.startsWith(stem)) return 0.7;
  }
  // Consonants in order but with some skipped (CNSLT ~ CONSULTANT is a skeleton prefix; DSTN ~ DESTINATION).
  return 0.55 * (token.length / skeleton.length);
}

/** A vocabulary word and how often it is used (in names of the catalog being mapped to). */
export interface VocabularyWord {
  word: string;
  uses: number;
}

/**
 * Expands unknown abbreviations against a vocabulary: the best-fitting word when it fits well enough and clearly
 * better than the next one (ties broken by use).
 */
export class AbbreviationReader {
  private readonly byInitial = new Map<string, VocabularyWord[]>();
  private readonly cache = new Map<string, string | undefined>();

  /**
   * @param words the vocabulary, with uses
   * @param headWords words preferred for the last piece of a name, where class words sit (`MRTL_ST`: STATUS)
   */
  constructor(
    words: Iterable<VocabularyWord>,
    private readonly headWords: ReadonlySet<string> = new Set(),
  ) {
    for (const w of words) {
      if (w.word.length < 3 || /[^A-Z]/.test(w.word)) continue;
      const list = this.byInitial.get(w.word[0]!) ?? [];
      list.push(w);
      this.byInitial.set(w.word[0]!, list);
    }
  }

  /**
   * The word `token` abbreviates, or `undefined`.
   *
   * @example
   * new AbbreviationReader([{ word: 'SURNAME', uses: 3 }]).expand('SRNM') // => 'SURNAME'
   */
  expand(token: string, head = false): string | undefined {
    const cacheKey = head ? `${token}$` : token;
    if (this.cache.has(cacheKey)) return this.cache.get(cacheKey);
    let best: { word: string; score: number } | undefined;
    let second = 0;
    for (const w of this.byInitial.get(token[0] ?? '') ?? []) {
      const fit = abbreviationFit(token, w.word);
      if (fit === 0) continue;
      const score = fit * (1 + 0.1 * Math.log(1 + w.uses)) * (head && this.headWords.has(w.word) ? 1.3 : 1);
      if (!best || score > best.score) {
        second = best?.score ?? second;
        best = { word: w.word, score };
      } else if (score > second) second = score;
    }
    const out = best && best.score >= 0.6 && best.score > 1.05 * second ? best.word : undefined;
    this.cache.set(cacheKey, out);
    return out;
  }
}
