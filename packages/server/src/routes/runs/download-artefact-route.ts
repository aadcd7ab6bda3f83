import { createReadStream } from 'node:fs';
import { lifecycleStages } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { artefactPath } from '../../jobs/run-artefacts.js';
import { findRun } from '../../jobs/run-view.js';
import { idSchema } from '../schemas.js';

const params = z.object({ runId: idSchema, stage: z.enum(lifecycleStages), file: z.string().min(1).max(200) });

/**
 * GET /api/runs/:runId/artefacts/:stage/:file: downloads one artefact (rejects, issues, reports: patient-level keys),
 * so it needs evidence.download and is audited. Only plain file names inside the stage folder are served.
 */
export function downloadArtefactRoute(app: FerryApp): void {
  app.get(
    '/api/runs/:runId/artefacts/:stage/:file',
    { schema: { tags: ['runs'], summary: 'Download an artefact', params }, config: { access: 'evidence.download' } },
    async (request, reply) => {
      const { stage, file } = request.params;
      const path = await request.tenant(async (tx) => {
        const run = await findRun(tx, request.params.runId);
        const found = await artefactPath(app.platform.config.dataDir, run, stage, file);
        await request.audit(tx, {
          organisationId: run.organisation_id,
          action: 'artefact.download',
          targetType: 'run',
          targetId: run.id,
          details: { stage, file },
        });
        return found;
      });
      const type = file.endsWith('.json')
        ? 'application/json'
        : file.endsWith('.csv')
          ? 'text/csv; charset=utf-8'
          : 'application/octet-stream';
      reply.header('content-disposition', `attachment; filename="${file}"`);
      return reply.type(type).send(createReadStream(path));
    },
  );
}
