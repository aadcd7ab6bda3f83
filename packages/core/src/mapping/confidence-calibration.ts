import { FerryError } from '../errors.js';
import type { GoldMapping } from './mapping-evaluation.js';
import type { MappingSuggestion } from './mapping-suggestion-model.js';

/** One suggested field: the mapper's confidence and whether the gold holds the suggestion. */
export interface JudgedSuggestion {
  confidence: number;
  right: boolean;
}

/**
 * A monotone map from raw confidence to the observed share of right suggestions, as knots
 * (mean raw confidence of a block, its share right) in increasing order; read by linear interpolation.
 */
export interface CalibrationMap {
  knots: { confidence: number; probability: number }[];
}

/** One bin of a reliability table: suggestions with confidence in [from, to). */
export interface ReliabilityBin {
  from: number;
  to: number;
  n: number;
  meanConfidence: number;
  rightShare: number;
}

const keyOf = (tt: string, tc: string, st: string, sc: string) => `${tt}.${tc}<-${st}.${sc}`;

function checkConfidence(c: number, where: string): void {
  if (!Number.isFinite(c) || c < 0 || c > 1) {
    throw new FerryError('FERRY_ERR_INPUT', `${where}: confidence must be a number in [0, 1], got ${c}`);
  }
}

/**
 * Every field the suggestion fills, with its confidence and whether the gold has that source column for it.
 *
 * @example
 * judgeSuggestion(suggestion, gold) // => [{ confidence: 0.93, right: true }, ...]
 */
export function judgeSuggestion(suggestion: MappingSuggestion, gold: readonly GoldMapping[]): JudgedSuggestion[] {
  const goldKeys = new Set(gold.map((g) => keyOf(g.targetTable, g.targetColumn, g.sourceTable, g.sourceColumn)));
  return suggestion.tables.flatMap((t) =>
    t.fields.flatMap((f) =>
      f.best
        ? [
            {
              confidence: f.best.confidence,
              right: goldKeys.has(keyOf(t.target, f.target, f.best.table, f.best.column)),
            },
          ]
        : [],
    ),
  );
}

/**
 * Isotonic regression (pool adjacent violators) of rightness on confidence: the non-decreasing step function
 * closest in squared error to the observed outcomes. Throws FERRY_ERR_INPUT on an empty set or a confidence
 * outside [0, 1].
 *
 * @example
 * fitIsotonic([{ confidence: 0.4, right: false }, { confidence: 0.9, right: true }])
 * // => { knots: [{ confidence: 0.4, probability: 0 }, { confidence: 0.9, probability: 1 }] }
 */
export function fitIsotonic(points: readonly JudgedSuggestion[]): CalibrationMap {
  if (points.length === 0) throw new FerryError('FERRY_ERR_INPUT', 'calibration needs at least one judged suggestion');
  for (const p of points) checkConfidence(p.confidence, 'fitIsotonic');
  const sorted = [...points].sort((a, b) => a.confidence - b.confidence);
  // Blocks of (sum of confidence, sum right, count); equal confidences start in one block.
  const blocks: { c: number; r: number; n: number }[] = [];
  for (const p of sorted) {
    const last = blocks.at(-1);
    if (last && last.c / last.n === p.confidence) {
      last.c += p.confidence;
      last.r += p.right ? 1 : 0;
      last.n += 1;
    } else {
      blocks.push({ c: p.confidence, r: p.right ? 1 : 0, n: 1 });
    }
    while (blocks.length >= 2) {
      const b = blocks[blocks.length - 1]!;
      const a = blocks[blocks.length - 2]!;
      if (a.r / a.n <= b.r / b.n) break;
      blocks.splice(blocks.length - 2, 2, { c: a.c + b.c, r: a.r + b.r, n: a.n + b.n });
    }
  }
  return { knots: blocks.map((b) => ({ confidence: b.c / b.n, probability: b.r / b.n })) };
}

/**
 * The calibrated confidence: linear between knots, flat beyond the first and last.
 *
 * @example
 * calibrate({ knots: [{ confidence: 0.4, probability: 0.5 }, { confidence: 0.8, probability: 1 }] }, 0.6) // => 0.75
 */
export function calibrate(map: CalibrationMap, confidence: number): number {
  checkConfidence(confidence, 'calibrate');
  const k = map.knots;
  if (k.length === 0) throw new FerryError('FERRY_ERR_INPUT', 'calibration map has no knots');
  if (confidence <= k[0]!.confidence) return k[0]!.probability;
  for (let i = 1; i < k.length; i++) {
    const hi = k[i]!;
    if (confidence <= hi.confidence) {
      const lo = k[i - 1]!;
      const t = (confidence - lo.confidence) / (hi.confidence - lo.confidence);
      return lo.probability + t * (hi.probability - lo.probability);
    }
  }
  return k.at(-1)!.probability;
}

/**
 * Reliability table: for each bin [edges[i], edges[i+1]) the count, mean confidence and share right; the last
 * bin includes its upper edge. Empty bins are left out.
 *
 * @example
 * reliabilityTable([{ confidence: 0.95, right: true }], [0.9, 1]) // => [{ from: 0.9, to: 1, n: 1, meanConfidence: 0.95, rightShare: 1 }]
 */
export function reliabilityTable(points: readonly JudgedSuggestion[], edges: readonly number[]): ReliabilityBin[] {
  if (edges.length < 2) throw new FerryError('FERRY_ERR_INPUT', 'a reliability table needs at least two bin edges');
  const out: ReliabilityBin[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const from = edges[i]!;
    const to = edges[i + 1]!;
    const last = i + 2 === edges.length;
    const inBin = points.filter((p) => p.confidence >= from && (p.confidence < to || (last && p.confidence <= to)));
    if (inBin.length === 0) continue;
    out.push({
      from,
      to,
      n: inBin.length,
      meanConfidence: inBin.reduce((s, p) => s + p.confidence, 0) / inBin.length,
      rightShare: inBin.filter((p) => p.right).length / inBin.length,
    });
  }
  return out;
}

/**
 * The lowest confidence threshold whose accepted suggestions (confidence >= threshold) are right at least
 * `minPrecision` of the time, i.e. the one that keeps most suggestions at that precision; 1 when none does.
 *
 * @example
 * chooseThreshold([{ confidence: 0.4, right: false }, { confidence: 0.8, right: true }], 0.95) // => 0.8
 */
export function chooseThreshold(points: readonly JudgedSuggestion[], minPrecision: number): number {
  const sorted = [...points].sort((a, b) => b.confidence - a.confidence);
  let right = 0;
  let best = 1;
  for (let i = 0; i < sorted.length; i++) {
    right += sorted[i]!.right ? 1 : 0;
    const next = sorted[i + 1];
    if (next && next.confidence === sorted[i]!.confidence) continue;
    if (right / (i + 1) >= minPrecision) best = sorted[i]!.confidence;
  }
  return best;
}
