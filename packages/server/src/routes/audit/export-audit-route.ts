import { formatCsvRow } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { type AuditEventView, auditEventView, auditFilterSchema, auditQuery } from '../../audit/audit-query.js';
import { findOrganisation } from '../../tenancy/find-organisation.js';
import { orgParams } from '../schemas.js';

const maxRows = 100_000;
const columns: (keyof AuditEventView)[] = [
  'seq',
  'occurredAt',
  'actor',
  'actorId',
  'action',
  'targetType',
  'targetId',
  'requestId',
  'sourceIp',
  'beforeHash',
  'afterHash',
  'details',
  'prevHash',
  'hash',
];

/** A cell's text (formatCsvRow guards formula cells against CSV injection). */
const cell = (v: unknown) =>
  v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** GET /api/orgs/:orgId/audit/export: the filtered trail as CSV or JSON, oldest first; the export itself is audited. */
export function exportAuditRoute(app: FerryApp): void {
  app.get(
    '/api/orgs/:orgId/audit/export',
    {
      schema: {
        tags: ['audit'],
        summary: 'Export the audit trail',
        params: orgParams,
        querystring: auditFilterSchema.extend({ format: z.enum(['csv', 'json']).default('csv') }),
      },
      config: { access: 'audit.read' },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const events = await request.tenant(async (tx) => {
        const org = await findOrganisation(tx, request.params.orgId);
        const rows = await auditQuery(tx, org.id, filter).selectAll().orderBy('seq', 'asc').limit(maxRows).execute();
        await request.audit(tx, {
          organisationId: org.id,
          action: 'audit.export',
          targetType: 'audit',
          targetId: org.id,
          details: { format, rows: rows.length, filter },
        });
        return rows.map(auditEventView);
      });
      const name = `audit-${request.params.orgId}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (format === 'json') return reply.type('application/json').send(JSON.stringify(events));
      const body = formatCsvRow(columns) + events.map((e) => formatCsvRow(columns.map((c) => cell(e[c])))).join('');
      return reply.type('text/csv; charset=utf-8').send(body);
    },
  );
}
