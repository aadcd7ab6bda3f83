import { FerryError } from '../errors.js';
import { assertContractUnlocked } from './contract-lock.js';
import type { ContractField, MappingContract } from './contract-model.js';
import { type ContractRowFilter, type ContractRowRef, contractRowMatcher } from './contract-row-filter.js';
import { canTransition, checkReviewAction, type ReviewAction, reviewTransitions } from './review-transitions.js';

/** What a bulk operation did: a new contract (the input is not changed) and the rows it touched. */
export interface ContractChangeResult {
  contract: MappingContract;
  /** Rows the operation changed, in contract order. */
  changed: ContractRowRef[];
  /** Rows the filter selected that already were as asked. */
  unchanged: ContractRowRef[];
}

/** Applies `status` with who and when to one field; `draft` clears the reviewer and time. */
export function withReviewStatus(
  field: ContractField,
  action: ReviewAction,
  reviewer: string | undefined,
): ContractField {
  const next: ContractField = { ...field, status: action.status };
  if (action.status === 'draft') {
    delete next.reviewer;
    delete next.reviewedAt;
  } else {
    next.reviewer = reviewer!;
    next.reviewedAt = action.at!;
  }
  return next;
}

/**
 * Moves the rows a filter selects to a review status, recording who and when. Allowed moves are
 * draft -> reviewed -> approved | rejected, and back to draft (see `reviewTransitions`); rows already at the status
 * are left as they are. If any selected row cannot make the move, nothing changes: FERRY_ERR_REVIEW_TRANSITION names
 * the rows. A locked contract is refused (FERRY_ERR_CONTRACT_LOCKED).
 *
 * @example
 * const { contract: next, changed } = reviewRows(contract, { domain: 'PMI', status: 'reviewed' },
 *   { status: 'approved', reviewer: 'B. Lead', at: '2026-03-02T09:00:00Z' });
 */
export function reviewRows(
  contract: MappingContract,
  filter: ContractRowFilter,
  action: ReviewAction,
): ContractChangeResult {
  assertContractUnlocked(contract, `mark rows ${action.status}`);
  const reviewer = checkReviewAction(action);
  const matches = contractRowMatcher(filter);
  const changed: ContractRowRef[] = [];
  const unchanged: ContractRowRef[] = [];
  const refused: string[] = [];
  const tables = contract.tables.map((t) => ({
    ...t,
    fields: t.fields.map((f) => {
      if (!matches(t, f)) return f;
      const ref = { table: t.target, column: f.target };
      if (f.status === action.status) {
        unchanged.push(ref);
        return f;
      }
      if (!canTransition(f.status, action.status)) {
        refused.push(
          `${t.target}.${f.target} is ${f.status} (${f.status} may move to ${reviewTransitions[f.status].join(' or ')})`,
        );
        return f;
      }
      changed.push(ref);
      return withReviewStatus(f, action, reviewer);
    }),
  }));
  if (refused.length > 0) {
    const shown = refused.slice(0, 10).map((r) => `  ${r}`);
    if (refused.length > shown.length) shown.push(`  ... and ${refused.length - shown.length} more`);
    throw new FerryError(
      'FERRY_ERR_REVIEW_TRANSITION',
      [
        `${refused.length} selected row${refused.length === 1 ? '' : 's'} cannot move to ${action.status}; nothing was changed:`,
        ...shown,
      ].join('\n'),
      { field: 'status' },
    );
  }
  return { contract: { ...contract, tables }, changed, unchanged };
}
