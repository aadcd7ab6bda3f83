import { type ContractRowFilter, contractRowMatcher, rowConfidenceLookup } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { contractRowFilterSchema } from '../../contracts/contract-row-selection.js';
import { type ContractRowView, contractRowSchema, contractRowView } from '../../contracts/contract-row-view.js';
import { latestMappingSuggestion } from '../../contracts/latest-mapping-suggestion.js';
import { currentContract, rowAuthors, rowKey } from '../../contracts/project-contract-store.js';
import { findProject } from '../../tenancy/project-view.js';
import { projectParams } from '../projects/get-project-route.js';
import { pageOf, pagingQuery } from '../schemas.js';

const sortKeys = ['contract', 'table', 'column', 'status', 'domain', 'owner', 'reviewedAt', 'confidence'] as const;

const query = contractRowFilterSchema
  .omit({ status: true, mandatory: true })
  .extend(pagingQuery.shape)
  .extend({
    status: z
      .string()
      .regex(/^(draft|reviewed|approved|rejected)(,(draft|reviewed|approved|rejected))*$/)
      .optional()
      .describe('one status or several, comma-separated'),
    mandatory: z.enum(['true', 'false']).optional(),
    minConfidence: z.coerce
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe("only rows the latest run's map stage scored at least this (unscored rows are left out)"),
    maxConfidence: z.coerce
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe('only rows scored at most this (unscored rows are left out)'),
    sort: z.enum(sortKeys).default('contract'),
    order: z.enum(['asc', 'desc']).default('asc'),
  });

/**
 * GET /api/projects/:projectId/contract/rows: the current version's rows, filtered with core's row filter (table and
 * column patterns with `*`, status, domain, owner, mandatory, text) and by the confidence the latest run's map stage gave
 * each row's source column, sorted and paged on the server.
 */
export function listContractRowsRoute(app: FerryApp): void {
  app.get(
    '/api/projects/:projectId/contract/rows',
    {
      schema: {
        tags: ['contract'],
        summary: 'Contract rows',
        params: projectParams,
        querystring: query,
        response: { 200: pageOf(contractRowSchema).extend({ hash: z.string() }) },
      },
      config: { access: 'contract.read' },
    },
    async (request) => {
      const { page, pageSize, sort, order, status, mandatory, minConfidence, maxConfidence, ...rest } = request.query;
      const { contract, hash, authors, suggested } = await request.tenant(async (tx) => {
        await findProject(tx, request.params.projectId);
        const current = await currentContract(tx, request.params.projectId);
        return {
          ...current,
          hash: current.row.hash,
          authors: await rowAuthors(tx, request.params.projectId),
          suggested: await latestMappingSuggestion(tx, app.platform.config.dataDir, request.params.projectId),
        };
      });
      const confidenceOf = suggested
        ? rowConfidenceLookup(suggested.suggestion)
        : () => ({ confidence: null, reason: 'no run has reached the map stage yet' });
      const filter: ContractRowFilter = {
        ...rest,
        ...(status ? { status: status.split(',') as ContractRowFilter['status'] } : {}),
        ...(mandatory ? { mandatory: mandatory === 'true' } : {}),
      };
      const matches = contractRowMatcher(filter);
      const inRange = (c: number | null) =>
        (minConfidence === undefined && maxConfidence === undefined) ||
        (c !== null && c >= (minConfidence ?? 0) && c <= (maxConfidence ?? 1));
      const rows: ContractRowView[] = contract.tables.flatMap((t) =>
        t.fields
          .filter((f) => matches(t, f))
          .map((f) => contractRowView(t, f, authors.get(rowKey(t.target, f.target))?.email ?? null, confidenceOf(t, f)))
          .filter((r) => inRange(r.confidence)),
      );
      if (sort !== 'contract') {
        const key: Record<
          Exclude<(typeof sortKeys)[number], 'contract' | 'confidence'>,
          (r: ContractRowView) => string
        > = {
          table: (r) => `${r.table}\u0000${r.column}`,
          column: (r) => `${r.column}\u0000${r.table}`,
          status: (r) => r.status,
          domain: (r) => r.domain,
          owner: (r) => r.owner ?? '',
          reviewedAt: (r) => r.reviewedAt ?? '',
        };
        if (sort === 'confidence') {
          // Unscored rows first in ascending order: they need a person's look most.
          rows.sort((a, b) => (a.confidence ?? -1) - (b.confidence ?? -1));
        } else {
          const k = key[sort];
          rows.sort((a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0));
        }
      }
      if (order === 'desc') rows.reverse();
      return { items: rows.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: rows.length, hash };
    },
  );
}
