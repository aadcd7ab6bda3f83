import {
  assertContractUnlocked,
  type ContractRowFilter,
  type ContractRowRef,
  canTransition,
  checkReviewAction,
  contractRowMatcher,
  FerryError,
  type MappingContract,
  type ReviewAction,
  reviewRows,
  reviewStatuses,
  withReviewStatus,
} from '@ferry/core';
import { z } from 'zod';

/** The row filter of the API: core's `ContractRowFilter` (patterns with `*`, status, domain, owner, mandatory, text). */
export const contractRowFilterSchema = z.object({
  table: z.string().max(200).optional(),
  column: z.string().max(200).optional(),
  status: z.union([z.enum(reviewStatuses), z.array(z.enum(reviewStatuses)).max(4)]).optional(),
  domain: z.string().max(50).optional(),
  owner: z.string().max(200).optional(),
  mandatory: z.boolean().optional(),
  text: z.string().max(200).optional(),
});

/** Which rows a bulk action applies to: exact rows (as ticked in a table), or every row a filter selects. */
export const rowSelectionSchema = z
  .object({
    rows: z
      .array(z.object({ table: z.string().min(1).max(200), column: z.string().min(1).max(200) }))
      .min(1)
      .max(20_000)
      .optional(),
    filter: contractRowFilterSchema.optional(),
  })
  .refine((s) => (s.rows === undefined) !== (s.filter === undefined), 'give either rows or a filter');
export type RowSelection = z.infer<typeof rowSelectionSchema>;

/** The exact rows a selection names, in contract order; unknown explicit rows are an error naming them. */
export function selectedRows(contract: MappingContract, selection: RowSelection): ContractRowRef[] {
  if (selection.filter) {
    const matches = contractRowMatcher(selection.filter as ContractRowFilter);
    return contract.tables.flatMap((t) =>
      t.fields.filter((f) => matches(t, f)).map((f) => ({ table: t.target, column: f.target })),
    );
  }
  const wanted = new Set(selection.rows!.map((r) => `${r.table}.${r.column}`));
  const found = contract.tables.flatMap((t) =>
    t.fields.filter((f) => wanted.has(`${t.target}.${f.target}`)).map((f) => ({ table: t.target, column: f.target })),
  );
  if (found.length !== wanted.size) {
    const known = new Set(found.map((r) => `${r.table}.${r.column}`));
    const missing = [...wanted].filter((k) => !known.has(k));
    throw new FerryError(
      'FERRY_ERR_NOT_FOUND',
      `No contract row ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}`,
    );
  }
  return found;
}

/**
 * Moves the selected rows to a review status with core's workflow: a filter goes to `reviewRows` as it is; exact rows
 * use the same transition rules (`canTransition`, `withReviewStatus`) on exactly those rows, all or nothing.
 */
export function reviewSelection(contract: MappingContract, selection: RowSelection, action: ReviewAction) {
  if (selection.filter) return reviewRows(contract, selection.filter as ContractRowFilter, action);
  assertContractUnlocked(contract, `mark rows ${action.status}`);
  const reviewer = checkReviewAction(action);
  const wanted = new Set(selectedRows(contract, selection).map((r) => `${r.table}.${r.column}`));
  const changed: ContractRowRef[] = [];
  const unchanged: ContractRowRef[] = [];
  const refused: string[] = [];
  const tables = contract.tables.map((t) => ({
    ...t,
    fields: t.fields.map((f) => {
      if (!wanted.has(`${t.target}.${f.target}`)) return f;
      const ref = { table: t.target, column: f.target };
      if (f.status === action.status) {
        unchanged.push(ref);
        return f;
      }
      if (!canTransition(f.status, action.status)) {
        refused.push(`${t.target}.${f.target} is ${f.status}`);
        return f;
      }
      changed.push(ref);
      return withReviewStatus(f, action, reviewer);
    }),
  }));
  if (refused.length) {
    throw new FerryError(
      'FERRY_ERR_REVIEW_TRANSITION',
      `${refused.length} selected row(s) cannot move to ${action.status}; nothing was changed: ${refused.slice(0, 10).join('; ')}`,
      { field: 'status' },
    );
  }
  return { contract: { ...contract, tables }, changed, unchanged };
}
