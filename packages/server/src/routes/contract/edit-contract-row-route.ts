import { type ContractRowPatch, editRow } from '@ferry/core';
import type { FerryApp } from '../../app-types.js';
import { changeContractRow } from '../../contracts/change-contract-row.js';
import { contractRowPatchSchema } from '../../contracts/contract-row-patch-schema.js';
import { contractRowParams } from './contract-row-params.js';
import { rowChangeOutcomeSchema } from './row-change-outcome.js';

/**
 * PATCH /api/projects/:projectId/contract/rows/:table/:column: edits one row (source columns, combine, constant,
 * transform steps, crosswalk, mandatory, invalid-value policy, defaults, equivalence, owner, notes) with core's
 * `editRow`, as a new version. A change to what the row does reopens a reviewed or approved row to draft; a change
 * that would not load against the project's catalogs (unknown source column, unknown step, type conflict) is a 400
 * naming the row and attribute; a locked version is a 409.
 */
export function editContractRowRoute(app: FerryApp): void {
  app.patch(
    '/api/projects/:projectId/contract/rows/:table/:column',
    {
      schema: {
        tags: ['contract'],
        summary: 'Edit one contract row',
        params: contractRowParams,
        body: contractRowPatchSchema,
        response: { 200: rowChangeOutcomeSchema },
      },
      config: { access: 'contract.edit' },
    },
    async (request) => {
      const { projectId, table, column } = request.params;
      return changeContractRow(app, request, projectId, 'contract.row_edit', (contract) =>
        editRow(contract, { table, column }, request.body as ContractRowPatch),
      );
    },
  );
}
