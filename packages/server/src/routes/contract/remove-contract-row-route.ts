import { removeRow } from '@ferry/core';
import type { FerryApp } from '../../app-types.js';
import { changeContractRow } from '../../contracts/change-contract-row.js';
import { contractRowParams } from './contract-row-params.js';
import { rowChangeOutcomeSchema } from './row-change-outcome.js';

/**
 * DELETE /api/projects/:projectId/contract/rows/:table/:column: removes one row with core's `removeRow`, as a new
 * version. The table's target key row, a parent link row and the last row of a table are refused with the reason.
 */
export function removeContractRowRoute(app: FerryApp): void {
  app.delete(
    '/api/projects/:projectId/contract/rows/:table/:column',
    {
      schema: {
        tags: ['contract'],
        summary: 'Remove a contract row',
        params: contractRowParams,
        response: { 200: rowChangeOutcomeSchema },
      },
      config: { access: 'contract.edit' },
    },
    async (request) => {
      const { projectId, table, column } = request.params;
      return changeContractRow(app, request, projectId, 'contract.row_remove', (contract) =>
        removeRow(contract, { table, column }),
      );
    },
  );
}
