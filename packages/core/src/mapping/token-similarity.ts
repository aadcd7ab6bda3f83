/**
 * Inverse document frequency of concepts over a set of token lists (field names, descriptions): words that
 * appear everywhere (DATE, CODE, LOAD) weigh little, rare ones (BIRTH, TRIBUNAL) weigh a lot.
 *
 * @example
 * const w = new TokenWeights([['DAT', 'BIRTH'], ['DAT', 'DEATH']]);
 * w.weight('BIRTH') > w.weight('DAT') // => true
 */
export class TokenWeights {
  private readonly idf = new Map<string, number>();
  private readonly unseen: number;

  constructor(documents: Iterable<readonly string[]>) {
    const df = new Map<string, number>();
    let n = 0;
    for (const doc of documents) {
      n++;
      for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
    }
    for (const [t, f] of df) this.idf.set(t, Math.log(1 + n / f));
    this.unseen = Math.log(1 + n);
  }

  weight(token: string): number {
    return this.idf.get(token) ?? this.unseen;
  }
}

/**
 * Per-concept weight factors: a word written as one abbreviation that expands to several concepts
 * (RTT -> REFERRAL TO TREATMENT) counts as one word, each concept getting a share of it.
 */
export type ConceptScale = ReadonlyMap<string, number>;

/** The scale of a name's concepts from its tokens: 1 / (concepts in the token's expansion). */
export function conceptScaleOf(tokens: ReadonlyArray<{ concepts: readonly string[] }>): ConceptScale {
  const scale = new Map<string, number>();
  for (const t of tokens) {
    const share = 1 / t.concepts.length;
    for (const c of t.concepts) scale.set(c, Math.max(scale.get(c) ?? 0, share));
  }
  return scale;
}

/**
 * How well two concepts match: 1 when equal; 0.7 when one (3+ letters) starts the other, as an unknown
 * abbreviation does (SPEC ~ SPECIALTY); digits match only exactly.
 */
export function conceptMatch(a: string, b: string): number {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 3 || !long.startsWith(short)) return 0;
  return hasDigit(short) || hasDigit(long) ? 0 : 0.7;
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function bestMatch(token: string, others: readonly string[]): number {
  let best = 0;
  for (const o of others) {
    const m = conceptMatch(token, o);
    if (m > best) best = m;
    if (best === 1) break;
  }
  return best;
}

/**
 * Share of `a`'s weight found in `b` (0..1).
 *
 * @example
 * weightedCoverage(['ADDRESS', 'LIN', '1'], ['ADDRESS', '1'], w) // high: only LINE is missing
 */
export function weightedCoverage(
  a: readonly string[],
  b: readonly string[],
  weights: TokenWeights,
  scaleA?: ConceptScale,
): number {
  let total = 0;
  let found = 0;
  for (const t of a) {
    const w = weights.weight(t) * (scaleA?.get(t) ?? 1);
    total += w;
    found += w * bestMatch(t, b);
  }
  return total === 0 ? 0 : found / total;
}

/**
 * Weighted soft Dice similarity of two concept lists (0..1): each side's weight found in the other,
 * over both sides' total weight.
 */
export function weightedDice(
  a: readonly string[],
  b: readonly string[],
  weights: TokenWeights,
  scaleA?: ConceptScale,
  scaleB?: ConceptScale,
): number {
  let total = 0;
  let found = 0;
  for (const t of a) {
    const w = weights.weight(t) * (scaleA?.get(t) ?? 1);
    total += w;
    found += w * bestMatch(t, b);
  }
  for (const t of b) {
    const w = weights.weight(t) * (scaleB?.get(t) ?? 1);
    total += w;
    found += w * bestMatch(t, a);
  }
  return total === 0 ? 0 : found / total;
}
