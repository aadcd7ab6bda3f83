import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { changeContract } from '../../contracts/change-contract.js';
import { reviewSelection, rowSelectionSchema } from '../../contracts/contract-row-selection.js';
import { projectParams } from '../projects/get-project-route.js';

export const changeOutcomeSchema = z.object({
  hash: z.string(),
  previousHash: z.string(),
  changed: z.number().int(),
  unchanged: z.number().int(),
});

/**
 * POST /api/projects/:projectId/contract/rows/review: marks the selected rows `reviewed` (or reopens them to
 * `draft`), with core's review workflow; the caller becomes the rows' author, so another person must approve them.
 */
export function reviewContractRowsRoute(app: FerryApp): void {
  app.post(
    '/api/projects/:projectId/contract/rows/review',
    {
      schema: {
        tags: ['contract'],
        summary: 'Mark rows reviewed, or reopen them to draft',
        params: projectParams,
        body: rowSelectionSchema.and(z.object({ status: z.enum(['reviewed', 'draft']) })),
        response: { 200: changeOutcomeSchema },
      },
      config: { access: 'contract.edit' },
    },
    async (request) =>
      changeContract(
        request,
        request.params.projectId,
        `contract.rows_${request.body.status}`,
        async ({ contract }) => {
          const at = app.platform.now().toISOString();
          const result = reviewSelection(contract, request.body, {
            status: request.body.status,
            reviewer: request.principal!.email,
            at,
          });
          return {
            ...result,
            rowChanges: result.changed.map((r) => ({ ...r, kind: 'status' as const, status: request.body.status })),
          };
        },
      ),
  );
}
