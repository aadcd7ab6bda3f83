/**
 * Similarity of two short code labels ("Mixed white/black Caribbean" vs "Mixed - White and Black Caribbean"),
 * in [0, 1]: the mean of a token score and a character-trigram score. Tokens are distinct lower-cased words without
 * punctuation or filler words (and, or, the, of, ...); two tokens match when equal or when the shorter (3+ letters)
 * starts the longer ("oth" ~ "other", "psych" ~ "psychiatry"). With `weights`, a token counts by its weight (see
 * {@link tokenWeights}: words found in many labels of a code set tell less); unknown tokens weigh 1.
 *
 * @example
 * labelSimilarity('Black Caribbean', 'Black or Black British - Caribbean') // => 0.75..
 */
export function labelSimilarity(a: string, b: string, weights?: ReadonlyMap<string, number>): number {
  const ta = labelTokens(a);
  const tb = labelTokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  return (tokenDice(ta, tb, weights) + trigramDice(ta.join(' '), tb.join(' '))) / 2;
}

const filler = new Set([
  'and',
  'or',
  'the',
  'of',
  'a',
  'an',
  'to',
  'for',
  'in',
  'on',
  'by',
  'at',
  'with',
  'from',
  'via',
  'any',
]);

/** The distinct content words of a label, lower-cased, in order; `&` reads as `and` (filler, dropped). */
export function labelTokens(label: string): string[] {
  const words = label
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '' && !filler.has(t));
  return [...new Set(words)];
}

/**
 * Inverse document frequency weights of the tokens of a set of labels (e.g. one code set's labels): a token in
 * every label weighs about 0.3, one in a single label 1.
 */
export function tokenWeights(labels: readonly string[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const l of labels) for (const t of labelTokens(l)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(labels.length, 1);
  const out = new Map<string, number>();
  const max = Math.log(1 + n);
  for (const [t, d] of df) out.set(t, Math.max(0.3, Math.log(1 + n / d) / max));
  return out;
}

function tokensMatch(x: string, y: string): boolean {
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 3 && long.startsWith(short);
}

/** Weighted Dice coefficient over tokens, each token of `a` matched to at most one of `b`. */
function tokenDice(a: string[], b: string[], weights?: ReadonlyMap<string, number>): number {
  const w = (t: string) => weights?.get(t) ?? 1;
  const used = new Array<boolean>(b.length).fill(false);
  let matched = 0;
  for (const x of a) {
    const j = b.findIndex((y, i) => !used[i] && tokensMatch(x, y));
    if (j >= 0) {
      used[j] = true;
      matched += w(x) + w(b[j]!);
    }
  }
  const total = a.reduce((s, t) => s + w(t), 0) + b.reduce((s, t) => s + w(t), 0);
  return total === 0 ? 0 : matched / total;
}

function trigrams(text: string): Map<string, number> {
  const padded = `  ${text} `;
  const out = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const g = padded.slice(i, i + 3);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

function trigramDice(a: string, b: string): number {
  const ga = trigrams(a);
  const gb = trigrams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of ga) {
    shared += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}
