import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { evidenceManifestSchema, FerryError } from '@ferry/core';
import type { FerryApp } from '../../app-types.js';
import { decisionRecords, manifestWithDecisions } from '../../evidence/decision-records.js';
import { type TarEntry, tarStream } from '../../evidence/tar-stream.js';
import { runStageDir } from '../../jobs/run-artefacts.js';
import { findRun } from '../../jobs/run-view.js';
import { runParams } from './run-params.js';

/**
 * GET /api/runs/:runId/evidence: the run's evidence package as one .tar.gz: the files in board order, then the
 * decisions people took since (gate_decisions.json: the run's gate decisions with their history and the one in force;
 * issue_triage.json: the project's issue triage), then manifest.json with each file's sha256, the decision records
 * included. Audited as a download.
 */
export function downloadEvidenceRoute(app: FerryApp): void {
  app.get(
    '/api/runs/:runId/evidence',
    {
      schema: { tags: ['runs'], summary: 'Download the evidence package (tar.gz)', params: runParams },
      config: { access: 'evidence.download' },
    },
    async (request, reply) => {
      const { run, dir, manifest, records } = await request.tenant(async (tx) => {
        const run = await findRun(tx, request.params.runId);
        const dir = runStageDir(app.platform.config.dataDir, run, 'evidence');
        const text = await readFile(join(dir, 'manifest.json'), 'utf8').catch((e) => {
          throw new FerryError('FERRY_ERR_NOT_FOUND', `Run ${run.id} has no evidence package`, {}, { cause: e });
        });
        const manifest = evidenceManifestSchema.parse(JSON.parse(text));
        const records = await decisionRecords(tx, run);
        await request.audit(tx, {
          organisationId: run.organisation_id,
          action: 'evidence.download',
          targetType: 'run',
          targetId: run.id,
          details: { files: Object.keys(manifest.files).length + records.length },
        });
        return { run, dir, manifest, records };
      });
      const folder = `evidence-${run.lifecycle_run_id}`;
      const full = manifestWithDecisions(manifest, records);
      const entries: TarEntry[] = [
        ...Object.keys(manifest.files).map((name) => ({ name: `${folder}/${name}`, path: join(dir, name) })),
        ...records.map((r) => ({ name: `${folder}/${r.name}`, content: r.content })),
        { name: `${folder}/manifest.json`, content: Buffer.from(`${JSON.stringify(full, null, 2)}\n`, 'utf8') },
      ];
      reply.header('content-disposition', `attachment; filename="${folder}.tar.gz"`);
      return reply
        .type('application/gzip')
        .send(Readable.from(tarStream(entries, new Date(run.finished_at ?? run.created_at))).pipe(createGzip()));
    },
  );
}
