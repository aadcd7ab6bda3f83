import { FerryError } from '../errors.js';
import type { ReviewStatus } from './contract-model.js';

/**
 * The review workflow shared by contract rows and crosswalk entries: `draft -> reviewed -> approved | rejected`,
 * and any reviewed, approved or rejected row can be reopened to `draft` (a change to its content needs a new review).
 * Moving to the status a row already has is not a transition (bulk operations skip such rows).
 */
export const reviewTransitions: Readonly<Record<ReviewStatus, readonly ReviewStatus[]>> = {
  draft: ['reviewed'],
  reviewed: ['approved', 'rejected', 'draft'],
  approved: ['draft'],
  rejected: ['draft'],
};

/** True when a row may move from `from` to `to` (`from === to` is not a transition: false). */
export function canTransition(from: ReviewStatus, to: ReviewStatus): boolean {
  return reviewTransitions[from].includes(to);
}

/** Who and when of a review action. */
export interface ReviewAction {
  status: ReviewStatus;
  /** The person acting; required for every status but `draft`. */
  reviewer?: string;
  /** When, as an ISO date or date-time; required for every status but `draft`. */
  at?: string;
}

const isoDateTime = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;

/** True for an ISO date or date-time (`yyyy-mm-dd[Thh:mm[:ss[.fff]]][Z|±hh:mm]`) that names a real instant. */
export function isIsoDateTime(text: string): boolean {
  return isoDateTime.test(text) && !Number.isNaN(Date.parse(text.replace(' ', 'T')));
}

/**
 * Checks a review action before it is applied: a reviewer and an ISO time are required for `reviewed`,
 * `approved` and `rejected`. Returns the trimmed reviewer.
 *
 * @example
 * checkReviewAction({ status: 'approved', reviewer: 'A. Analyst', at: '2026-03-01T10:00:00Z' }) // => 'A. Analyst'
 */
export function checkReviewAction(action: ReviewAction): string | undefined {
  if (action.status === 'draft') return undefined;
  const reviewer = action.reviewer?.trim();
  if (!reviewer) {
    throw new FerryError('FERRY_ERR_REVIEW_TRANSITION', `marking rows ${action.status} needs a reviewer`, {
      field: 'reviewer',
    });
  }
  if (!action.at || !isIsoDateTime(action.at)) {
    throw new FerryError(
      'FERRY_ERR_REVIEW_TRANSITION',
      `marking rows ${action.status} needs the time as an ISO date or date-time, got '${action.at ?? ''}'`,
      { field: 'at' },
    );
  }
  return reviewer;
}
