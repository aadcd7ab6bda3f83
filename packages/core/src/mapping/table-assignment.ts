import type { TableMatch } from './table-matcher.js';

/** The source table chosen for each target table, decided over all pairs at once. */
export interface TableAssignmentOptions {
  /** Pairs scoring below this are never chosen. */
  minScore: number;
  /** Pairs whose source covers less than this share of the target's specific fields are never chosen. */
  minCoverage: number;
  /**
   * Pairs where the mean of the two coverages (target fields filled, source columns used) is below this are
   * never chosen: a small table of generic columns (a key, a patient link, dates, audit columns) fills a little
   * of any target and is the entity of none.
   */
  minMutualCoverage: number;
  /**
   * A source table goes to a target other than its best only when it fits that target at least this share as
   * well: a patient table is not the next-of-kin table's driver because the next-of-kin table was free.
   */
  relativeFit: number;
  /** Source tables that may not drive any target (copies of other tables). */
  excluded: ReadonlySet<string>;
}

/**
 * One global decision instead of per-target thresholds: every (target, source) pair is considered, best fit
 * (the score without parent links, which depend on other choices) first; a pair is taken when neither its target nor its source is taken yet and the source fits this target
 * nearly as well as the target it fits best (`relativeFit`). Each source drives at most one target, as a
 * legacy table holds one entity. Targets whose candidates all went elsewhere stay unmatched.
 *
 * @example
 * assignTables(new Map([['LOAD_PMI', rankedForPmi]]), options).get('LOAD_PMI') // => the chosen TableMatch
 */
export function assignTables(
  ranked: ReadonlyMap<string, readonly TableMatch[]>,
  options: TableAssignmentOptions,
): Map<string, TableMatch> {
  const pairs: Array<{ target: string; match: TableMatch }> = [];
  const bestOf = new Map<string, number>();
  for (const [target, list] of ranked) {
    for (const match of list) {
      const source = match.source.table.name;
      if (options.excluded.has(source)) continue;
      if (match.score < options.minScore || match.coverage < options.minCoverage) continue;
      if ((match.coverage + match.used) / 2 < options.minMutualCoverage) continue;
      // A table that feeds none of the fields that make the target what it is (only keys, links and audit
      // columns every table has) is not its entity.
      if (match.specificFields === 0) continue;
      pairs.push({ target, match });
      bestOf.set(source, Math.max(bestOf.get(source) ?? 0, match.fit));
    }
  }
  pairs.sort(
    (a, b) =>
      b.match.fit - a.match.fit ||
      b.match.score - a.match.score ||
      (a.target < b.target ? -1 : a.target > b.target ? 1 : 0) ||
      (a.match.source.table.name < b.match.source.table.name ? -1 : 1),
  );
  const chosen = new Map<string, TableMatch>();
  const used = new Set<string>();
  for (const { target, match } of pairs) {
    const source = match.source.table.name;
    if (chosen.has(target) || used.has(source)) continue;
    if (match.fit < options.relativeFit * bestOf.get(source)!) continue;
    chosen.set(target, match);
    used.add(source);
  }
  return chosen;
}
