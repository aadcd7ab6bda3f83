import { diffContracts } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { contractVersion, currentContract } from '../../contracts/project-contract-store.js';
import { findProject } from '../../tenancy/project-view.js';
import { projectParams } from '../projects/get-project-route.js';

const hashRef = z.string().regex(/^[0-9a-f]{8,64}$/, 'a version hash or a prefix of 8+ hex characters');

/** GET /api/projects/:projectId/contract/diff?from=HASH[&to=HASH]: core's diff of two versions (to: the current one). */
export function diffContractRoute(app: FerryApp): void {
  app.get(
    '/api/projects/:projectId/contract/diff',
    {
      schema: {
        tags: ['contract'],
        summary: 'Diff two contract versions',
        params: projectParams,
        querystring: z.object({ from: hashRef, to: hashRef.optional() }),
      },
      config: { access: 'contract.read' },
    },
    async (request) =>
      request.tenant(async (tx) => {
        await findProject(tx, request.params.projectId);
        const from = await contractVersion(tx, request.params.projectId, request.query.from);
        const to = request.query.to
          ? await contractVersion(tx, request.params.projectId, request.query.to)
          : await currentContract(tx, request.params.projectId);
        return { from: from.row.hash, to: to.row.hash, diff: diffContracts(from.contract, to.contract) };
      }),
  );
}
