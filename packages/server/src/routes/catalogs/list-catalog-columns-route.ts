import { catalogColumnSchema } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { projectCatalog } from '../../sources/project-source-catalog-store.js';
import { findProject } from '../../tenancy/project-view.js';
import { pageOf, pagingQuery } from '../schemas.js';
import { catalogParams } from './catalog-params.js';

const columnSchema = catalogColumnSchema.extend({ table: z.string() });

/**
 * GET /api/projects/:projectId/catalogs/:side/columns: catalog columns with type, length, keys, reference, code type
 * and description, paged; filter by `table` (exact) and `q` (name or description).
 */
export function listCatalogColumnsRoute(app: FerryApp): void {
  app.get(
    '/api/projects/:projectId/catalogs/:side/columns',
    {
      schema: {
        tags: ['catalogs'],
        summary: 'Catalog columns',
        params: catalogParams,
        querystring: pagingQuery.extend({ table: z.string().max(200).optional(), q: z.string().max(100).optional() }),
        response: { 200: pageOf(columnSchema) },
      },
      config: { access: 'catalog.read' },
    },
    async (request) => {
      const catalog = await request.tenant(async (tx) =>
        projectCatalog(app.platform.packs, tx, await findProject(tx, request.params.projectId), request.params.side),
      );
      const { table, q, page, pageSize } = request.query;
      const needle = q?.toLowerCase();
      const columns = catalog.tables
        .filter((t) => table === undefined || t.name === table)
        .flatMap((t) => t.columns.map((c) => ({ table: t.name, ...c })))
        .filter(
          (c) => !needle || c.name.toLowerCase().includes(needle) || c.description.toLowerCase().includes(needle),
        );
      return { items: columns.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: columns.length };
    },
  );
}
