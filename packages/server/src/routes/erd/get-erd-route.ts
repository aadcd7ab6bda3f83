import { erdSchema, FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { currentContract } from '../../contracts/project-contract-store.js';
import { ErdCache } from '../../erd/project-erd.js';
import { projectRunSource } from '../../jobs/run-source.js';
import { packNamed } from '../../packs/pack-registry.js';
import { currentSourceCatalog } from '../../sources/project-source-catalog-store.js';
import { findProject } from '../../tenancy/project-view.js';
import { projectParams } from '../projects/get-project-route.js';
import { idSchema } from '../schemas.js';

const query = z.object({
  side: z.enum(['source', 'target']).default('source'),
  /** Inferred relationships below this confidence are left out. */
  minConfidence: z.coerce.number().min(0).max(1).default(0.5),
  /** Measure value containment on this finished run's source extract (source side only). */
  runId: idSchema.optional(),
});

/**
 * GET /api/projects/:projectId/erd: the entity-relationship diagram of the project's source catalog (its own, else its
 * pack's) or its pack's target catalog, built with core's `buildErd`: tables with domain (from the project's current
 * contract, else name rules), scope, columns and keys; declared relationships and inferred ones with confidence and evidence. With `runId`, value
 * containment on that run's source extract confirms, refutes and discovers relationships.
 */
export function getErdRoute(app: FerryApp): void {
  const cache = new ErdCache();
  app.get(
    '/api/projects/:projectId/erd',
    {
      schema: {
        tags: ['catalogs'],
        summary: 'Entity-relationship diagram of a catalog',
        params: projectParams,
        querystring: query,
        response: { 200: erdSchema.extend({ side: z.enum(['source', 'target']), contractHash: z.string() }) },
      },
      config: { access: 'catalog.read' },
    },
    async (request) => {
      const { side, minConfidence, runId } = request.query;
      if (runId && side !== 'source')
        throw new FerryError('FERRY_ERR_INPUT', 'runId measures source data: it applies to the source side only', {
          field: 'runId',
        });
      const { project, contract, ownCatalog, data } = await request.tenant(async (tx) => {
        const project = await findProject(tx, request.params.projectId);
        const contract = await currentContract(tx, project.id);
        const ownCatalog = side === 'source' ? await currentSourceCatalog(tx, project.id) : undefined;
        const data = runId ? await projectRunSource(tx, app.platform.config.dataDir, project.id, runId) : undefined;
        return { project, contract, ownCatalog, data };
      });
      const erd = await cache.get({
        pack: packNamed(app.platform.packs, project.pack),
        side,
        ...(ownCatalog ? { sourceCatalog: { catalog: ownCatalog.catalog, hash: ownCatalog.row.hash } } : {}),
        contract: contract.contract,
        contractHash: contract.row.hash,
        minConfidence,
        ...(data ? { data: { runId: data.run.id, source: data.source } } : {}),
      });
      return { ...erd, side, contractHash: contract.row.hash };
    },
  );
}
