import { crosswalkEntryMatcher, crosswalkEntrySchema, reviewStatuses } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { currentCrosswalks } from '../../crosswalks/project-crosswalk-store.js';
import { findProject } from '../../tenancy/project-view.js';
import { projectParams } from '../projects/get-project-route.js';
import { pageOf, pagingQuery } from '../schemas.js';

const query = pagingQuery.extend({
  codeType: z.string().max(100).optional(),
  sourceCode: z.string().max(200).optional(),
  status: z.enum(reviewStatuses).optional(),
  text: z.string().max(200).optional(),
});

/** GET /api/projects/:projectId/crosswalks: the current crosswalk entries, filtered with core's matcher and paged. */
export function listCrosswalkEntriesRoute(app: FerryApp): void {
  app.get(
    '/api/projects/:projectId/crosswalks',
    {
      schema: {
        tags: ['crosswalks'],
        summary: 'Crosswalk entries',
        params: projectParams,
        querystring: query,
        response: { 200: pageOf(crosswalkEntrySchema).extend({ hash: z.string(), codeTypes: z.array(z.string()) }) },
      },
      config: { access: 'crosswalk.read' },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const { hash, set } = await request.tenant(async (tx) => {
        await findProject(tx, request.params.projectId);
        return currentCrosswalks(tx, request.params.projectId);
      });
      const entries = set.entries.filter(crosswalkEntryMatcher(filter));
      return {
        hash,
        codeTypes: [...new Set(set.entries.map((e) => e.codeType))].sort(),
        items: entries.slice((page - 1) * pageSize, page * pageSize),
        page,
        pageSize,
        total: entries.length,
      };
    },
  );
}
