import { formatContractCsv, reviewStatuses } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { contractSummarySchema } from '../../contracts/contract-row-view.js';
import { currentContract } from '../../contracts/project-contract-store.js';
import { findProject } from '../../tenancy/project-view.js';
import { projectParams } from '../projects/get-project-route.js';

/**
 * GET /api/projects/:projectId/contract: the current contract version's summary (hash, label, lock, counts by
 * status); `?format=json` gives the whole contract and `?format=csv` the review spreadsheet (core's lossless CSV),
 * both audited as exports.
 */
export function getContractRoute(app: FerryApp): void {
  app.get(
    '/api/projects/:projectId/contract',
    {
      schema: {
        tags: ['contract'],
        summary: 'The current contract version',
        params: projectParams,
        querystring: z.object({ format: z.enum(['summary', 'json', 'csv']).default('summary') }),
      },
      config: { access: 'contract.read' },
    },
    async (request, reply) => {
      const { format } = request.query;
      const { row, contract } = await request.tenant(async (tx) => {
        const project = await findProject(tx, request.params.projectId);
        const current = await currentContract(tx, project.id);
        if (format !== 'summary') {
          await request.audit(tx, {
            organisationId: project.organisation_id,
            action: 'contract.export',
            targetType: 'contract',
            targetId: project.id,
            details: { format, hash: current.row.hash },
          });
        }
        return current;
      });
      if (format === 'json') return reply.type('application/json').send(JSON.stringify(contract));
      if (format === 'csv') {
        reply.header('content-disposition', `attachment; filename="contract-${row.hash.slice(0, 12)}.csv"`);
        return reply.type('text/csv; charset=utf-8').send(formatContractCsv(contract));
      }
      const fields = contract.tables.flatMap((t) => t.fields);
      const summary: z.infer<typeof contractSummarySchema> = {
        name: contract.name,
        label: contract.label,
        hash: row.hash,
        locked: contract.locked,
        sourceSystem: contract.sourceSystem,
        targetSystem: contract.targetSystem,
        tables: contract.tables.length,
        targetTables: contract.tables.map((t) => ({ target: t.target, source: t.source })),
        rows: fields.length,
        byStatus: Object.fromEntries(
          reviewStatuses.map((s) => [s, fields.filter((f) => f.status === s).length]),
        ) as Record<(typeof reviewStatuses)[number], number>,
        versionSeq: row.seq,
        savedAt: new Date(row.created_at).toISOString(),
        savedBy: row.created_by_email,
      };
      return reply.send(contractSummarySchema.parse(summary));
    },
  );
}
