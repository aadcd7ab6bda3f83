import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { FerryApp } from '../../app-types.js';
import { type TarEntry, tarStream } from '../../evidence/tar-stream.js';
import { writeCompanyExport } from '../../practice-import/company-data-export.js';
import { findOrganisation } from '../../tenancy/find-organisation.js';
import { orgParams } from '../schemas.js';

/**
 * GET /api/orgs/:orgId/export: the company's data (right to data portability) as one streamed `.tar.gz` of CSV and
 * JSON files per record type with a `manifest.json`; for its admins only (`org.manage`), another organisation's id
 * answers 404; audited `org.data_export` with the counts.
 */
export function exportCompanyDataRoute(app: FerryApp): void {
  app.get(
    '/api/orgs/:orgId/export',
    {
      schema: {
        tags: ['orgs'],
        summary: "Export the organisation's imported records (CSV and JSON in a .tar.gz)",
        params: orgParams,
      },
      config: { access: 'org.manage' },
    },
    async (request, reply) => {
      const dir = await mkdtemp(join(tmpdir(), 'ferry-company-export-'));
      try {
        const now = app.platform.now();
        const manifest = await request.tenant(async (tx) => {
          const org = await findOrganisation(tx, request.params.orgId);
          const written = await writeCompanyExport(tx, org.id, dir, now);
          await request.audit(tx, {
            organisationId: org.id,
            action: 'org.data_export',
            targetType: 'organisation',
            targetId: org.id,
            details: {
              recordTypes: written.recordTypes.map((r) => ({ recordType: r.recordType, records: r.records })),
            },
          });
          return written;
        });
        const folder = `company-export-${manifest.companyId}`;
        const entries: TarEntry[] = [
          ...manifest.recordTypes.flatMap((r) => [
            { name: `${folder}/${r.csv}`, path: join(dir, r.csv) },
            { name: `${folder}/${r.json}`, path: join(dir, r.json) },
          ]),
          { name: `${folder}/manifest.json`, content: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
        ];
        const body = Readable.from(tarStream(entries, now)).pipe(createGzip());
        body.on('close', () => void rm(dir, { recursive: true, force: true }));
        reply.header('content-disposition', `attachment; filename="${folder}.tar.gz"`);
        return reply.type('application/gzip').send(body);
      } catch (e) {
        await rm(dir, { recursive: true, force: true });
        throw e;
      }
    },
  );
}
