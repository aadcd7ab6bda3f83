import { AbbreviationReader, consonantSkeleton, type VocabularyWord } from './abbreviation-reader.js';
import { abbreviations, phrases, shadowTableWords, stopWords, synonyms } from './abbreviations.js';
import { classWords } from './class-words.js';
import { stemWord } from './word-stem.js';

/**
 * Splits a schema name into upper-case word tokens at underscores, spaces, punctuation, camelCase and
 * letter/digit boundaries, and where an acronym meets a capitalised word.
 *
 * @example
 * splitName('addressLine1') // => ['ADDRESS', 'LINE', '1']
 * splitName('NHSNoStatus')  // => ['NHS', 'NO', 'STATUS']
 * splitName('PAT_GP_REG')  // => ['PAT', 'GP', 'REG']
 */
export function splitName(name: string): string[] {
  return (
    name
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      // An acronym (2+ capitals) ends where a capitalised word starts: HCPCode -> HCP Code, NHSNoStatus ->
      // NHS No Status; PCode stays one word.
      .replace(/([A-Z]{2,})([A-Z][a-z])/g, '$1 $2')
      .replace(/([A-Za-z])(\d)/g, '$1 $2')
      .replace(/(\d)([A-Za-z])/g, '$1 $2')
      .toUpperCase()
      .split(/[^A-Z0-9]+/)
      .filter((t) => t.length > 0)
  );
}

/** A token after expansion, with how it was reached (for reasons). */
export interface ExpandedToken {
  /** The word as written in the name. */
  raw: string;
  /** Stemmed canonical concepts it stands for. */
  concepts: string[];
  /** True when an abbreviation was expanded. */
  abbreviation: boolean;
}

const standAloneTokens = (names: Iterable<string>) => {
  const out = new Set<string>();
  for (const name of names) for (const t of splitName(name)) if (t.length >= 2 && !/\d/.test(t)) out.add(t);
  return out;
};

/**
 * Known words for splitting run-together names (LOADPMI, PMIADDRS, CASENOTELOCS): abbreviations, the words
 * they expand to, and every stand-alone token seen in the catalogs being matched.
 *
 * Given the names of two catalogs, a token only one of them uses (a source's `AMPM` where the target writes
 * `AM_PM`, a target's `LOADPMI`) is known but not fixed: it is still split when it is made of known words.
 * Abbreviations, their expansions and tokens both catalogs use are never split.
 */
export class TokenVocabulary {
  private readonly words = new Set<string>();
  private readonly fixed = new Set<string>();
  private readonly longWords: string[] = [];
  /** Reads unlisted abbreviations against the other catalog's words (given two catalogs). */
  private readonly reader?: AbbreviationReader;
  private readonly otherWords = new Set<string>();
  private readonly listedSkeletons = new Map<string, string>();

  constructor(names: Iterable<string>, otherNames?: Iterable<string>) {
    for (const [short, long] of Object.entries(abbreviations)) {
      this.fixed.add(short);
      for (const w of long.split(' ')) this.fixed.add(w);
    }
    // Words the synonym and phrase knowledge reads are words, never run-together pieces (UPDATE is not UP DATE).
    for (const [word, canonical] of Object.entries(synonyms)) {
      this.fixed.add(word);
      this.fixed.add(canonical);
    }
    for (const [phrase, word] of Object.entries(phrases)) {
      for (const w of phrase.split(' ')) if (!stopWords.has(w)) this.fixed.add(w);
      this.fixed.add(word);
    }
    const one = standAloneTokens(names);
    const other = otherNames ? standAloneTokens(otherNames) : undefined;
    for (const t of one) if (!other || other.has(t)) this.fixed.add(t);
    for (const w of [...this.fixed, ...one, ...(other ?? [])]) this.words.add(w);
    for (const w of this.words) if (w.length >= 6) this.longWords.push(w);
    if (otherNames) {
      const uses = new Map<string, number>();
      for (const name of otherNames) {
        for (const t of new Set(splitName(name))) if (!/\d/.test(t)) uses.set(t, (uses.get(t) ?? 0) + 1);
      }
      const known = [
        ...Object.values(abbreviations).flatMap((l) => l.split(' ')),
        ...Object.keys(phrases).flatMap((p) => p.split(' ')),
        ...Object.keys(synonyms),
        ...Object.values(synonyms),
        ...shadowTableWords,
      ];
      for (const w of known) if (!uses.has(w)) uses.set(w, 0);
      for (const w of uses.keys()) this.otherWords.add(w);
      const words: VocabularyWord[] = [...uses].map(([word, n]) => ({ word, uses: n }));
      this.reader = new AbbreviationReader(words, classWords);
      // A listed abbreviation written without its vowels (RQD for REQD, RSP for RESP) stands for the same words.
      for (const [short, long] of Object.entries(abbreviations)) {
        const skeleton = consonantSkeleton(short);
        if (skeleton.length >= 3 && skeleton !== short && !abbreviations[skeleton])
          this.listedSkeletons.set(skeleton, long);
      }
    }
  }

  /**
   * The word an unlisted abbreviation stands for (`SRNM` -> SURNAME, `GVN` -> GIVEN), read against the other
   * catalog's words; `undefined` for a word that catalog uses, a listed abbreviation, a stop word or a synonym.
   */
  readAbbreviation(token: string, head = false): string[] | undefined {
    if (!this.reader || token.length < 2 || token.length > 8 || /[^A-Z]/.test(token)) return undefined;
    if (this.otherWords.has(token) || abbreviations[token] || stopWords.has(token) || synonyms[token]) {
      return undefined;
    }
    if (token.length > 3 && token.endsWith('S') && this.otherWords.has(token.slice(0, -1))) return undefined;
    const listed = this.listedSkeletons.get(token);
    if (listed) return listed.split(' ');
    const word = this.reader.expand(token, head);
    return word ? [word] : undefined;
  }

  has(word: string): boolean {
    return this.words.has(word) || (word.length > 3 && word.endsWith('S') && this.words.has(word.slice(0, -1)));
  }

  private isFixed(word: string): boolean {
    return this.fixed.has(word) || (word.length > 3 && word.endsWith('S') && this.fixed.has(word.slice(0, -1)));
  }

  /** True when `piece` (4+ letters) starts a known longer word, as PATH starts PATHWAY. */
  startsWord(piece: string): boolean {
    return piece.length >= 4 && this.longWords.some((w) => w.startsWith(piece));
  }

  /**
   * Splits an unknown (or not fixed) run-together token into known pieces (each at least 2 letters),
   * preferring fewest pieces and exact words over prefixes; the token itself when it is fixed or cannot be
   * split.
   */
  segment(token: string): string[] {
    if (token.length < 4 || this.isFixed(token) || /\d/.test(token)) return [token];
    const n = token.length;
    // best[i] = [cost, pieces] for token.slice(0, i)
    const best: Array<[number, string[]] | undefined> = [[0, []]];
    for (let end = 2; end <= n; end++) {
      for (let start = 0; start <= end - 2; start++) {
        const prev = best[start];
        if (!prev) continue;
        const piece = token.slice(start, end);
        if (piece === token) continue;
        const cost = this.has(piece) ? 1 : this.startsWord(piece) ? 1.5 : undefined;
        if (cost === undefined) continue;
        const total = prev[0] + cost;
        const current = best[end];
        if (!current || total < current[0]) best[end] = [total, [...prev[1], piece]];
      }
    }
    const whole = best[n];
    return whole && whole[1].length >= 2 ? whole[1] : [token];
  }
}

function expandWord(word: string): { words: string[]; abbreviation: boolean } {
  const direct = abbreviations[word];
  if (direct) return { words: direct.split(' '), abbreviation: true };
  if (word.length > 3 && word.endsWith('S')) {
    const singular = abbreviations[word.slice(0, -1)];
    if (singular) return { words: singular.split(' '), abbreviation: true };
  }
  return { words: [word], abbreviation: false };
}

/** Joins consecutive words that form a known phrase (LAST NAME -> SURNAME). */
function joinPhrases(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const phrase = i + 1 < words.length ? phrases[`${words[i]} ${words[i + 1]}`] : undefined;
    if (phrase) {
      out.push(phrase);
      i++;
    } else out.push(words[i]!);
  }
  return out;
}

/** A piece of a name read as words, before synonyms, stop words and stems. */
interface ReadPiece {
  raw: string;
  words: string[];
  abbreviation: boolean;
}

/** Joins consecutive one-word pieces that form a known phrase (GVN NM -> GIVEN NAME -> FORENAME). */
function joinPiecePhrases(pieces: readonly ReadPiece[]): ReadPiece[] {
  const out: ReadPiece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const a = pieces[i]!;
    const b = pieces[i + 1];
    const phrase =
      b && a.words.length === 1 && b.words.length === 1 ? phrases[`${a.words[0]} ${b.words[0]}`] : undefined;
    if (phrase) {
      out.push({ raw: `${a.raw}${b!.raw}`, words: [phrase], abbreviation: a.abbreviation || b!.abbreviation });
      i++;
    } else out.push(a);
  }
  return out;
}

/**
 * Expands a name into concept tokens: split, known two-word phrases joined (LAST NAME -> SURNAME),
 * run-together words segmented, abbreviations expanded (DOB -> DATE OF BIRTH; unlisted ones read by how people
 * abbreviate, `SRNM` -> SURNAME, when the vocabulary knows the other catalog), phrases joined again over the
 * expanded words (GVN NM -> FORENAME), synonyms unified (SEX -> GENDER), stop words dropped, words stemmed.
 *
 * @example
 * nameTokens('DISCH_DT', vocabulary).flatMap((t) => t.concepts) // => ['DISCHARG', 'DAT']
 */
export function nameTokens(name: string, vocabulary: TokenVocabulary, readAbbreviations = true): ExpandedToken[] {
  const split = joinPhrases(splitName(name)).flatMap((token) => vocabulary.segment(token));
  const pieces: ReadPiece[] = split.map((piece, i) => {
    const listed = expandWord(piece);
    if (listed.abbreviation) return { raw: piece, ...listed };
    const read = readAbbreviations
      ? vocabulary.readAbbreviation(piece, i === split.length - 1 && split.length > 1)
      : undefined;
    return read ? { raw: piece, words: read, abbreviation: true } : { raw: piece, ...listed };
  });
  const out: ExpandedToken[] = [];
  for (const { raw, words, abbreviation } of joinPiecePhrases(pieces)) {
    const concepts = words
      .map((w) => synonyms[w] ?? w)
      .filter((w) => !stopWords.has(w))
      .map(stemWord);
    if (concepts.length > 0) out.push({ raw, concepts, abbreviation });
  }
  return out;
}

/** The distinct concepts of a name, in order of first appearance. */
export function nameConcepts(name: string, vocabulary: TokenVocabulary): string[] {
  return [...new Set(nameTokens(name, vocabulary).flatMap((t) => t.concepts))];
}
