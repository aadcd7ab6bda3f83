import type { CodeSetEntry } from '../quality/code-sets.js';
import type { CrosswalkEntry } from './crosswalk-model.js';
import { labelSimilarity, tokenWeights } from './label-similarity.js';

/** A national code suggested for a local code, with its score in [0, 1] and why. */
export interface CodeSuggestion {
  targetCode: string;
  targetLabel: string;
  score: number;
  /** `national label`: the local label resembles the national code's label; `approved mapping`: it resembles the
   *  label of a local code already approved to this national code. */
  basis: 'national label' | 'approved mapping';
  /** The label that matched. */
  matchedLabel: string;
}

/** Suggestions scoring below this are not offered. */
export const minSuggestionScore = 0.3;

/**
 * An approved mapping's local label is weaker evidence than the national label itself: sibling codes share words
 * ("Follow-up" vs an approved "Follow-up, telephone"). Measured leave-one-out on the nhs-pas crosswalks over a
 * 300-patient cohort (149 codes): top-1 69% at 0.9, 72% at 0.7, 75% at 0.5 (the same as ignoring the signal).
 */
const approvedMappingFactor = 0.5;

/**
 * Ranks national codes of one code type for a local code's label by label similarity (words weighted by how rare
 * they are among the code type's labels): against each current (not retired) national code's label, and, scaled by
 * 0.5, against the source labels of approved crosswalk entries of the same type (a local "White - Irish" resembling
 * an approved "White Irish" suggests its national code). Best first, at most
 * `limit`, ties in code-set order; scores are rounded to 3 decimals.
 *
 * @example
 * suggestNationalCodes('Mixed white/Asian', codeSets.filter((c) => c.codeType === 'ethnic_category'), [])[0]
 * // => { targetCode: 'F', targetLabel: 'Mixed - White and Asian', score: 0.9.., basis: 'national label', ... }
 */
export function suggestNationalCodes(
  label: string,
  nationalCodes: readonly CodeSetEntry[],
  approved: readonly CrosswalkEntry[],
  limit = 3,
): CodeSuggestion[] {
  const best = new Map<string, CodeSuggestion & { order: number }>();
  const approvedLabels = approved.filter(
    (e) => e.status === 'approved' && e.equivalence !== 'unmatched' && e.sourceLabel.trim(),
  );
  const weights = tokenWeights([...nationalCodes.map((n) => n.label), ...approvedLabels.map((e) => e.sourceLabel)]);
  const consider = (
    code: string,
    targetLabel: string,
    matchedLabel: string,
    basis: CodeSuggestion['basis'],
    order: number,
  ) => {
    const factor = basis === 'approved mapping' ? approvedMappingFactor : 1;
    const score = Math.round(labelSimilarity(label, matchedLabel, weights) * factor * 1000) / 1000;
    if (score < minSuggestionScore) return;
    const had = best.get(code);
    if (!had || score > had.score)
      best.set(code, { targetCode: code, targetLabel, score, basis, matchedLabel, order: had?.order ?? order });
  };
  nationalCodes.forEach((n, i) => {
    if (!n.retired) consider(n.code, n.label, n.label, 'national label', i);
  });
  const labels = new Map(nationalCodes.map((n) => [n.code, n.label]));
  for (const e of approvedLabels) {
    consider(
      e.targetCode,
      labels.get(e.targetCode) ?? e.targetLabel,
      e.sourceLabel,
      'approved mapping',
      nationalCodes.length,
    );
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order || (a.targetCode < b.targetCode ? -1 : 1))
    .slice(0, limit)
    .map(({ order: _order, ...s }) => s);
}
