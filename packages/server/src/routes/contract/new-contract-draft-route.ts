import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { changeContract } from '../../contracts/change-contract.js';
import { projectParams } from '../projects/get-project-route.js';
import { changeOutcomeSchema } from './review-contract-rows-route.js';

/**
 * POST /api/projects/:projectId/contract/drafts: makes a new, unlocked version from the current locked one under a
 * new label, so the contract can change again (the locked version stays as it was, and keeps its label). Refused when
 * the current version is not locked (edit it directly) or the label belongs to a locked version.
 */
export function newContractDraftRoute(app: FerryApp): void {
  app.post(
    '/api/projects/:projectId/contract/drafts',
    {
      schema: {
        tags: ['contract'],
        summary: 'Start a new version from a locked one',
        params: projectParams,
        body: z.object({
          label: z
            .string()
            .trim()
            .min(1)
            .max(50)
            .regex(/^[\w.+-]+$/, 'letters, digits, dot, plus, minus or underscore')
            .describe('the new version label, e.g. 1.1.0'),
        }),
        response: { 201: changeOutcomeSchema },
      },
      config: { access: 'contract.edit' },
    },
    async (request, reply) => {
      const { label } = request.body;
      const outcome = await changeContract(
        request,
        request.params.projectId,
        'contract.new_draft',
        async ({ contract }, tx, project) => {
          if (!contract.locked) {
            throw new FerryError(
              'FERRY_ERR_CONFLICT',
              `the current version (${contract.label}) is not locked: edit it directly`,
            );
          }
          const owner = await tx.db
            .selectFrom('contract_versions')
            .select('hash')
            .where('project_id', '=', project.id)
            .where('locked', '=', true)
            .where('label', '=', label)
            .executeTakeFirst();
          if (owner) {
            throw new FerryError(
              'FERRY_ERR_CONTRACT_LOCKED',
              `label ${label} belongs to locked version ${owner.hash.slice(0, 12)}; choose a new label`,
              { field: 'label', key: label },
            );
          }
          return {
            contract: { ...contract, locked: false, label },
            changed: [],
            unchanged: [],
            rowChanges: [],
            details: { label, fromLabel: contract.label },
          };
        },
      );
      return reply.status(201).send(outcome);
    },
  );
}
