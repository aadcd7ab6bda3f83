import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { changeContract } from '../../contracts/change-contract.js';
import { reviewSelection, rowSelectionSchema, selectedRows } from '../../contracts/contract-row-selection.js';
import { rowAuthors, rowKey } from '../../contracts/project-contract-store.js';
import { auditSeparationOfDutiesRefusals } from '../../rbac/refuse-separation-of-duties.js';
import { projectParams } from '../projects/get-project-route.js';
import { changeOutcomeSchema } from './review-contract-rows-route.js';

/**
 * POST /api/projects/:projectId/contract/rows/decision: approves or rejects reviewed rows, recording the reviewer and
 * time. Separation of duties: nobody decides on a row they last edited or marked reviewed (nothing changes then; the
 * refusal is audited as `contract.rows_<decision>_refused`).
 */
export function decideContractRowsRoute(app: FerryApp): void {
  app.post(
    '/api/projects/:projectId/contract/rows/decision',
    {
      schema: {
        tags: ['contract'],
        summary: 'Approve or reject reviewed rows',
        params: projectParams,
        body: rowSelectionSchema.and(z.object({ decision: z.enum(['approved', 'rejected']) })),
        response: { 200: changeOutcomeSchema },
      },
      config: { access: 'contract.approve' },
    },
    async (request) => {
      const me = request.principal!;
      const action = `contract.rows_${request.body.decision}`;
      const attempt = { action, targetType: 'project', targetId: request.params.projectId };
      return auditSeparationOfDutiesRefusals(request, attempt, () =>
        changeContract(
          request,
          request.params.projectId,
          `contract.rows_${request.body.decision}`,
          async ({ contract }, tx) => {
            const authors = await rowAuthors(tx, request.params.projectId);
            const own = selectedRows(contract, request.body).filter(
              (r) => authors.get(rowKey(r.table, r.column))?.userId === me.userId,
            );
            if (own.length) {
              throw new FerryError(
                'FERRY_ERR_SEPARATION_OF_DUTIES',
                `You last changed ${own.length} of these rows (${own
                  .slice(0, 5)
                  .map((r) => `${r.table}.${r.column}`)
                  .join(', ')}${own.length > 5 ? ', ...' : ''}); another person must approve or reject them`,
              );
            }
            const at = app.platform.now().toISOString();
            const result = reviewSelection(contract, request.body, {
              status: request.body.decision,
              reviewer: me.email,
              at,
            });
            return {
              ...result,
              rowChanges: result.changed.map((r) => ({ ...r, kind: 'status' as const, status: request.body.decision })),
            };
          },
        ),
      );
    },
  );
}
