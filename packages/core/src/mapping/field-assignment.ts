import { type ScoringContext, scoreCandidate } from './candidate-scorer.js';
import type { ColumnFeatures, TableFeatures } from './catalog-features.js';
import type { ColumnCandidate } from './mapping-suggestion-model.js';

/** The chosen candidate (if any) and the ranked alternatives of one target field. */
export interface FieldCandidates {
  target: ColumnFeatures;
  best?: ColumnCandidate;
  alternatives: ColumnCandidate[];
}

export interface AssignmentOptions {
  /** Below this confidence nothing is suggested. */
  minConfidence: number;
  /** Alternatives kept per field. */
  alternatives: number;
  /** A column already given to another field is reused only at or above this confidence. */
  reuseConfidence: number;
  /** Target fields that take no source column (constants); they still get ranked alternatives. */
  fixed?: ReadonlySet<string>;
}

function candidate(source: ColumnFeatures, score: { confidence: number; reasons: string[] }): ColumnCandidate {
  return {
    table: source.table,
    column: source.column.name,
    confidence: score.confidence,
    reason: score.reasons.join('; '),
  };
}

/** A second field must score at least this share of the column's first field's confidence. */
const reuseShare = 0.85;

const byConfidence = (a: ColumnCandidate, b: ColumnCandidate) =>
  b.confidence - a.confidence || (a.column < b.column ? -1 : a.column > b.column ? 1 : 0);

/**
 * Chooses a source column for every field of a target table from one source table. Pairs are taken best
 * first, one column per field; a column already taken is given to a second field only when that pairing is
 * itself strong (`reuseConfidence`) or the column is the source table's primary key (keys often feed both a
 * record number and an external id).
 *
 * @example
 * assignFields(loadPmi, patient, ctx, { minConfidence: 0.35, alternatives: 3, reuseConfidence: 0.6 })
 */
export function assignFields(
  target: TableFeatures,
  source: TableFeatures,
  ctx: ScoringContext,
  options: AssignmentOptions,
): FieldCandidates[] {
  const ranked = target.columns.map((t) =>
    source.columns.map((s) => candidate(s, scoreCandidate(t, s, source, ctx))).sort(byConfidence),
  );
  const pairs = ranked
    .flatMap((list, field) => list.map((c) => ({ field, c })))
    .filter((p) => p.c.confidence >= options.minConfidence && !options.fixed?.has(target.columns[p.field]!.column.name))
    .sort((a, b) => byConfidence(a.c, b.c) || a.field - b.field);
  const chosen = new Map<number, ColumnCandidate>();
  // The confidence of each column's first (strongest) field.
  const used = new Map<string, number>();
  const keys = new Set(source.primaryKey);
  for (const { field, c } of pairs) {
    if (chosen.has(field)) continue;
    const first = used.get(c.column);
    if (first !== undefined && !keys.has(c.column)) {
      // A column feeds a second field only when that pairing is strong in itself and nearly as strong as its
      // first: JOB_TITLE's column is not also the person's TITLE on a partial name match.
      if (c.confidence < options.reuseConfidence || c.confidence < reuseShare * first) continue;
    }
    chosen.set(field, c);
    if (first === undefined) used.set(c.column, c.confidence);
  }
  return target.columns.map((t, i) => {
    const best = chosen.get(i);
    const alternatives = ranked[i]!.filter((c) => c !== best && c.confidence > 0).slice(0, options.alternatives);
    return best ? { target: t, best, alternatives } : { target: t, alternatives };
  });
}
