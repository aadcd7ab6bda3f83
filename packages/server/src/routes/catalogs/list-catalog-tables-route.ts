import { catalogSize } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { projectCatalog } from '../../sources/project-source-catalog-store.js';
import { findProject } from '../../tenancy/project-view.js';
import { pageOf, pagingQuery } from '../schemas.js';
import { catalogParams } from './catalog-params.js';

const tableSchema = z.object({
  name: z.string(),
  inScope: z.boolean(),
  columns: z.number().int(),
  primaryKey: z.array(z.string()),
});

/**
 * GET /api/projects/:projectId/catalogs/:side/tables: the tables of the project's source catalog (its own, else its
 * pack's) or of its pack's target catalog, paged; `q` finds tables by their name or by a column's name or description.
 */
export function listCatalogTablesRoute(app: FerryApp): void {
  app.get(
    '/api/projects/:projectId/catalogs/:side/tables',
    {
      schema: {
        tags: ['catalogs'],
        summary: 'Catalog tables',
        params: catalogParams,
        querystring: pagingQuery.extend({
          q: z.string().max(100).optional(),
          inScope: z.enum(['true', 'false']).optional(),
        }),
        response: {
          200: pageOf(tableSchema).extend({
            catalog: z.object({
              name: z.string(),
              tables: z.number().int(),
              fields: z.number().int(),
              inScopeTables: z.number().int(),
            }),
          }),
        },
      },
      config: { access: 'catalog.read' },
    },
    async (request) => {
      const catalog = await request.tenant(async (tx) =>
        projectCatalog(app.platform.packs, tx, await findProject(tx, request.params.projectId), request.params.side),
      );
      const { q, inScope, page, pageSize } = request.query;
      const needle = q?.toLowerCase();
      const tables = catalog.tables.filter(
        (t) =>
          (inScope === undefined || t.inScope === (inScope === 'true')) &&
          (!needle ||
            t.name.toLowerCase().includes(needle) ||
            t.columns.some(
              (c) => c.name.toLowerCase().includes(needle) || c.description.toLowerCase().includes(needle),
            )),
      );
      return {
        catalog: { name: catalog.name, ...catalogSize(catalog) },
        items: tables.slice((page - 1) * pageSize, page * pageSize).map((t) => ({
          name: t.name,
          inScope: t.inScope,
          columns: t.columns.length,
          primaryKey: t.columns.filter((c) => c.primaryKey).map((c) => c.name),
        })),
        page,
        pageSize,
        total: tables.length,
      };
    },
  );
}
