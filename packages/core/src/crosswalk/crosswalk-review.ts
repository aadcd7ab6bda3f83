import type { ReviewStatus } from '../contract/contract-model.js';
import {
  canTransition,
  checkReviewAction,
  type ReviewAction,
  reviewTransitions,
} from '../contract/review-transitions.js';
import { FerryError } from '../errors.js';
import type { CrosswalkEntry, CrosswalkSet } from './crosswalk-model.js';

/** Which crosswalk entries a review applies to; every given criterion must hold. Empty selects all. */
export interface CrosswalkEntryFilter {
  /** Code type, case-insensitive. */
  codeType?: string;
  /** Local code, exactly as written. */
  sourceCode?: string;
  status?: ReviewStatus | readonly ReviewStatus[];
  /** Case-insensitive text found in a code, a label, the reviewer or the notes. */
  text?: string;
}

/** An entry by its position in the set and its key. */
export interface CrosswalkEntryRef {
  index: number;
  codeType: string;
  sourceCode: string;
}

/** What a crosswalk review did: the new set (the input is not changed) and the entries it touched. */
export interface CrosswalkReviewResult {
  set: CrosswalkSet;
  changed: CrosswalkEntryRef[];
  unchanged: CrosswalkEntryRef[];
}

/** A predicate over entries built once from a filter. */
export function crosswalkEntryMatcher(filter: CrosswalkEntryFilter): (entry: CrosswalkEntry) => boolean {
  const codeType = filter.codeType?.trim().toLowerCase();
  const statuses =
    filter.status === undefined
      ? undefined
      : new Set<string>(typeof filter.status === 'string' ? [filter.status] : filter.status);
  const text = filter.text?.toLowerCase();
  return (e) => {
    if (codeType !== undefined && e.codeType.toLowerCase() !== codeType) return false;
    if (filter.sourceCode !== undefined && e.sourceCode !== filter.sourceCode) return false;
    if (statuses && !statuses.has(e.status)) return false;
    if (text) {
      const haystack = [
        e.codeType,
        e.sourceCode,
        e.sourceLabel,
        e.targetCode,
        e.targetLabel,
        e.reviewer ?? '',
        e.notes ?? '',
      ]
        .join('\n')
        .toLowerCase();
      if (!haystack.includes(text)) return false;
    }
    return true;
  };
}

/**
 * Moves the crosswalk entries a filter selects to a review status with who and when, under the contract's workflow
 * (draft -> reviewed -> approved | rejected, and back to draft). Only approved entries translate values.
 * All or nothing: a selected entry that cannot make the move, or a reopened entry that would give a local code two
 * live (not rejected) entries, is FERRY_ERR_REVIEW_TRANSITION and nothing changes.
 *
 * @example
 * reviewCrosswalkEntries(set, { codeType: 'ethnic_category', status: 'reviewed' },
 *   { status: 'approved', reviewer: 'C. Safety', at: '2026-03-03T10:00:00Z' })
 */
export function reviewCrosswalkEntries(
  set: CrosswalkSet,
  filter: CrosswalkEntryFilter,
  action: ReviewAction,
): CrosswalkReviewResult {
  const reviewer = checkReviewAction(action);
  const matches = crosswalkEntryMatcher(filter);
  const changed: CrosswalkEntryRef[] = [];
  const unchanged: CrosswalkEntryRef[] = [];
  const refused: string[] = [];
  const entries = set.entries.map((e, index) => {
    if (!matches(e)) return e;
    const ref = { index, codeType: e.codeType, sourceCode: e.sourceCode };
    if (e.status === action.status) {
      unchanged.push(ref);
      return e;
    }
    if (!canTransition(e.status, action.status)) {
      refused.push(
        `${e.codeType} '${e.sourceCode}' is ${e.status} (${e.status} may move to ${reviewTransitions[e.status].join(' or ')})`,
      );
      return e;
    }
    changed.push(ref);
    const next: CrosswalkEntry = { ...e, status: action.status };
    if (action.status === 'draft') {
      delete next.reviewer;
      delete next.reviewedAt;
    } else {
      next.reviewer = reviewer!;
      next.reviewedAt = action.at!;
    }
    return next;
  });
  const live = new Map<string, number>();
  entries.forEach((e, i) => {
    if (e.status === 'rejected') return;
    const key = `${e.codeType}\u0000${e.sourceCode}`;
    const first = live.get(key);
    if (first !== undefined)
      refused.push(`${e.codeType} '${e.sourceCode}' would have two live entries (${first + 1} and ${i + 1})`);
    else live.set(key, i);
  });
  if (refused.length > 0) {
    const shown = refused.slice(0, 10).map((r) => `  ${r}`);
    if (refused.length > shown.length) shown.push(`  ... and ${refused.length - shown.length} more`);
    throw new FerryError(
      'FERRY_ERR_REVIEW_TRANSITION',
      [
        `${refused.length} crosswalk entr${refused.length === 1 ? 'y' : 'ies'} cannot move to ${action.status}; nothing was changed:`,
        ...shown,
      ].join('\n'),
      { field: 'status' },
    );
  }
  return { set: { ...set, entries }, changed, unchanged };
}
