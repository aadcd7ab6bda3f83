import { assertContractUnlocked } from '@ferry/core';
import type { FerryApp } from '../../app-types.js';
import { changeContract } from '../../contracts/change-contract.js';
import { projectParams } from '../projects/get-project-route.js';
import { changeOutcomeSchema } from './review-contract-rows-route.js';

/**
 * POST /api/projects/:projectId/contract/lock: locks the current version for a release candidate. The lock is part of
 * the content (a new version); a locked contract refuses reviews and edits, and cutover_ready runs need one.
 */
export function lockContractRoute(app: FerryApp): void {
  app.post(
    '/api/projects/:projectId/contract/lock',
    {
      schema: {
        tags: ['contract'],
        summary: 'Lock the current contract version',
        params: projectParams,
        response: { 200: changeOutcomeSchema },
      },
      config: { access: 'contract.approve' },
    },
    async (request) =>
      changeContract(request, request.params.projectId, 'contract.lock', async ({ contract }) => {
        assertContractUnlocked(contract, 'lock it again');
        return { contract: { ...contract, locked: true }, changed: [], unchanged: [], rowChanges: [] };
      }),
  );
}
