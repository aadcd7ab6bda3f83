import { type ContractRowFilter, editRows } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { changeContract } from '../../contracts/change-contract.js';
import { contractRowFilterSchema } from '../../contracts/contract-row-selection.js';
import { projectParams } from '../projects/get-project-route.js';
import { changeOutcomeSchema } from './review-contract-rows-route.js';

const body = z
  .object({
    filter: contractRowFilterSchema,
    owner: z.string().max(200).optional(),
    transform: z.array(z.string().min(1).max(100)).max(20).optional(),
  })
  .refine((b) => b.owner !== undefined || b.transform !== undefined, 'give owner or transform');

/**
 * PATCH /api/projects/:projectId/contract/rows: a bulk edit of the rows a filter selects (owner and/or transform
 * chain) with core's `editRows`: a changed transform reopens a reviewed or approved row to draft.
 */
export function editContractRowsRoute(app: FerryApp): void {
  app.patch(
    '/api/projects/:projectId/contract/rows',
    {
      schema: {
        tags: ['contract'],
        summary: 'Bulk-edit rows (owner, transform)',
        params: projectParams,
        body,
        response: { 200: changeOutcomeSchema.extend({ reopened: z.number().int() }) },
      },
      config: { access: 'contract.edit' },
    },
    async (request) => {
      let reopened = 0;
      const outcome = await changeContract(
        request,
        request.params.projectId,
        'contract.rows_edit',
        async ({ contract }) => {
          const result = editRows(contract, request.body.filter as ContractRowFilter, {
            owner: request.body.owner,
            transform: request.body.transform,
          });
          reopened = result.reopened.length;
          const transformOf = (c: typeof contract, r: { table: string; column: string }) =>
            JSON.stringify(
              c.tables.find((t) => t.target === r.table)?.fields.find((f) => f.target === r.column)?.transform,
            );
          return {
            ...result,
            // A changed transform is authorship (a new review is needed); a new owner is bookkeeping.
            rowChanges: result.changed.map((r) => ({
              ...r,
              kind:
                transformOf(contract, r) !== transformOf(result.contract, r) ? ('edit' as const) : ('owner' as const),
            })),
            details: { reopened },
          };
        },
      );
      return { ...outcome, reopened };
    },
  );
}
