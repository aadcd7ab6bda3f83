import { addRow, type NewContractRow } from '@ferry/core';
import type { FerryApp } from '../../app-types.js';
import { changeContractRow } from '../../contracts/change-contract-row.js';
import { newContractRowSchema } from '../../contracts/contract-row-patch-schema.js';
import { projectParams } from '../projects/get-project-route.js';
import { rowChangeOutcomeSchema } from './row-change-outcome.js';

/**
 * POST /api/projects/:projectId/contract/rows: adds a draft row to a table of the contract (after a named row, or at
 * the end) with core's `addRow`, as a new version. A target column the target catalog does not have, or a source
 * column the source catalog does not have, is a 400 naming them; a row the table already has is a 400.
 */
export function addContractRowRoute(app: FerryApp): void {
  app.post(
    '/api/projects/:projectId/contract/rows',
    {
      schema: {
        tags: ['contract'],
        summary: 'Add a contract row',
        params: projectParams,
        body: newContractRowSchema,
        response: { 201: rowChangeOutcomeSchema },
      },
      config: { access: 'contract.edit' },
    },
    async (request, reply) => {
      const { table, column, after, ...row } = request.body;
      const outcome = await changeContractRow(app, request, request.params.projectId, 'contract.row_add', (contract) =>
        addRow(contract, table, { target: column, ...row } as NewContractRow, after ? { after } : {}),
      );
      return reply.status(201).send(outcome);
    },
  );
}
