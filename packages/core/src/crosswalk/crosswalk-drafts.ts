import type { CrosswalkCoverageReport } from './crosswalk-coverage-model.js';
import type { CrosswalkEntry, CrosswalkSet } from './crosswalk-model.js';

/**
 * The crosswalk with a draft entry added for every unmapped code that has no live (draft or reviewed) entry yet:
 * the best suggestion as target with equivalence `inexact` (a reviewer confirms or corrects it), or equivalence
 * `unmatched` with no target when nothing was suggested. Existing entries are kept as they are, in order; drafts
 * follow, by code type then by count. The result is ready for `formatCrosswalkCsv` and review.
 *
 * @example
 * await writeCrosswalkCsv(withDraftEntries(crosswalks, report), 'crosswalks-for-review.csv');
 */
export function withDraftEntries(set: CrosswalkSet, report: CrosswalkCoverageReport): CrosswalkSet {
  const drafts: CrosswalkEntry[] = [];
  for (const ct of report.codeTypes) {
    for (const u of ct.unmapped) {
      if (u.entryStatus === 'draft' || u.entryStatus === 'reviewed') continue;
      const best = u.suggestions[0];
      const where = u.seenIn.map((s) => `${s.table}.${s.column}`).join(', ');
      drafts.push({
        codeType: ct.codeType,
        sourceCode: u.code,
        sourceLabel: u.label ?? '',
        targetCode: best?.targetCode ?? '',
        targetLabel: best?.targetLabel ?? '',
        equivalence: best ? 'inexact' : 'unmatched',
        status: 'draft',
        notes: best
          ? `Seen ${u.count} time${u.count === 1 ? '' : 's'} in ${where}; suggested by ${best.basis} similarity ${best.score}`
          : `Seen ${u.count} time${u.count === 1 ? '' : 's'} in ${where}; no suggestion${u.label ? '' : ' (no label found in the source lookups)'}`,
      });
    }
  }
  return { ...set, entries: [...set.entries, ...drafts] };
}
