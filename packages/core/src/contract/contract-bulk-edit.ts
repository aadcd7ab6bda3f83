import { FerryError } from '../errors.js';
import { isKnownStep } from '../transform/transform-steps.js';
import { assertContractUnlocked } from './contract-lock.js';
import type { ContractField, MappingContract } from './contract-model.js';
import type { ContractChangeResult } from './contract-review.js';
import { withReviewStatus } from './contract-review.js';
import { type ContractRowFilter, type ContractRowRef, contractRowMatcher } from './contract-row-filter.js';

/** A bulk edit: each given attribute is set on every selected row. */
export interface ContractRowEdit {
  /** The new owner; `''` removes the owner. */
  owner?: string;
  /** The new transform chain (steps from the transform vocabulary), replacing the old one. */
  transform?: readonly string[];
}

/** What a bulk edit did; `reopened` rows had their transform changed after review and are back to draft. */
export interface ContractEditResult extends ContractChangeResult {
  reopened: ContractRowRef[];
}

function sameSteps(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/**
 * Sets the owner and/or the transform chain of the rows a filter selects. Changing what a reviewed, approved or
 * rejected row does (its transform) reopens it: its status goes back to draft and its reviewer and time are
 * cleared, because the review was of the old content. The owner is bookkeeping and changes no status.
 * A locked contract is refused (FERRY_ERR_CONTRACT_LOCKED); an unknown transform step is FERRY_ERR_CONTRACT_INVALID.
 *
 * @example
 * editRows(contract, { table: 'LOAD_PMI', column: '*_DATE' }, { transform: ['trim', 'date'], owner: 'PMI team' })
 */
export function editRows(
  contract: MappingContract,
  filter: ContractRowFilter,
  edit: ContractRowEdit,
): ContractEditResult {
  assertContractUnlocked(contract, 'edit rows');
  const unknown = (edit.transform ?? []).filter((s) => !isKnownStep(s));
  if (unknown.length > 0) {
    throw new FerryError(
      'FERRY_ERR_CONTRACT_INVALID',
      `unknown transform step${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')}`,
      {
        field: 'transform',
      },
    );
  }
  const owner = edit.owner?.trim();
  const matches = contractRowMatcher(filter);
  const changed: ContractRowRef[] = [];
  const unchanged: ContractRowRef[] = [];
  const reopened: ContractRowRef[] = [];
  const tables = contract.tables.map((t) => ({
    ...t,
    fields: t.fields.map((f) => {
      if (!matches(t, f)) return f;
      const ref = { table: t.target, column: f.target };
      let next: ContractField = f;
      if (owner !== undefined && (f.owner ?? '') !== owner) {
        next = { ...next };
        if (owner) next.owner = owner;
        else delete next.owner;
      }
      if (edit.transform && !sameSteps(f.transform, edit.transform)) {
        next = { ...next, transform: [...edit.transform] };
        if (next.status !== 'draft') {
          next = withReviewStatus(next, { status: 'draft' }, undefined);
          reopened.push(ref);
        }
      }
      (next === f ? unchanged : changed).push(ref);
      return next;
    }),
  }));
  return { contract: { ...contract, tables }, changed, unchanged, reopened };
}
