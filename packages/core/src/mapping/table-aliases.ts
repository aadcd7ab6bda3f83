import type { ColumnFeatures, MatchingFeatures, TableFeatures } from './catalog-features.js';
import { conceptMatch, weightedDice } from './token-similarity.js';

/** Source word -> target word, learnt from matched tables (HOSPITAL -> SITE when tblHospital feeds LOAD_SITES). */
export type LearntAliases = Map<string, string>;

/** Column pairs that must agree once a word is swapped before the swap is believed. */
export const aliasMinSupport = 2;
/** How alike two column names must be, after the swap, to support it. */
const supportSimilarity = 0.8;

const unmatched = (words: readonly string[], others: readonly string[]) =>
  words.filter((w) => !/\d/.test(w) && others.every((o) => conceptMatch(w, o) < 0.7));

function supports(
  targetColumn: ColumnFeatures,
  sourceColumns: readonly ColumnFeatures[],
  targetWord: string,
  sourceWord: string,
  features: MatchingFeatures,
): boolean {
  if (!targetColumn.concepts.includes(targetWord)) return false;
  return sourceColumns.some((s) => {
    if (!s.concepts.includes(sourceWord)) return false;
    const swapped = s.concepts.map((c) => (c === sourceWord ? targetWord : c));
    const w = features.nameWeights;
    return (
      weightedDice(targetColumn.concepts, swapped, w) >= supportSimilarity &&
      weightedDice(targetColumn.concepts, s.concepts, w) < supportSimilarity
    );
  });
}

/**
 * Words two matched tables use for the same thing. A vendor names its columns after its own word for the
 * entity (`tblHospital.HospitalCode`, `HospitalName`) where the target uses another (`LOAD_SITES.SITE_CODE`,
 * `SITE_NAME`). A word of the source table's name and a word of the target table's name that the other name
 * lacks are taken as one when swapping them makes at least `aliasMinSupport` column names of the two tables
 * agree. Learnt pairs then apply to every later comparison (`HospitalCode` -> `LOAD_CLINICS.SITE_CODE`).
 *
 * @example
 * learnTableAliases(loadSites, tblHospital, features) // => Map { 'HOSPITAL' => 'SIT' }
 */
export function learnTableAliases(
  target: TableFeatures,
  source: TableFeatures,
  features: MatchingFeatures,
): LearntAliases {
  const out: LearntAliases = new Map();
  const targetWords = unmatched(target.concepts, source.concepts);
  const sourceWords = unmatched(source.concepts, target.concepts);
  for (const sw of sourceWords) {
    let best: { word: string; support: number } | undefined;
    for (const tw of targetWords) {
      const support = target.columns.filter((t) => supports(t, source.columns, tw, sw, features)).length;
      if (support >= aliasMinSupport && (!best || support > best.support)) best = { word: tw, support };
    }
    if (best) out.set(sw, best.word);
  }
  return out;
}

/** The learnt word a concept stands for: its own alias, or that of a word it is a form of (DEFERR ~ DEFERRAL). */
function aliasOf(concept: string, aliases: ReadonlyMap<string, string>): string | undefined {
  const direct = aliases.get(concept);
  if (direct !== undefined) return direct;
  for (const [word, alias] of aliases) if (conceptMatch(concept, word) >= 0.7) return alias;
  return undefined;
}

/**
 * A source column's concepts with learnt aliases swapped in (a word, or another form of it), or `undefined`
 * when none applies.
 */
export function aliasedConcepts(
  concepts: readonly string[],
  aliases: ReadonlyMap<string, string> | undefined,
): string[] | undefined {
  if (!aliases || aliases.size === 0) return undefined;
  let changed = false;
  const out = concepts.map((c) => {
    const alias = aliasOf(c, aliases);
    if (alias === undefined) return c;
    changed = true;
    return alias;
  });
  return changed ? out : undefined;
}
