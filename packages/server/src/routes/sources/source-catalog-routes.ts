import { blocksLoad, FerryError, formatCatalogCsv, parseCatalogCsv, validateContractForLoad } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { contractCheckInputs } from '../../contracts/contract-load-guard.js';
import { currentContract, lockProjectContract } from '../../contracts/project-contract-store.js';
import { catalogCounts } from '../../sources/draft-project-source.js';
import {
  projectSourceCatalog,
  type SourceCatalogVersion,
  saveSourceCatalogVersion,
} from '../../sources/project-source-catalog-store.js';
import { findProject } from '../../tenancy/project-view.js';
import { acceptCsvBodies, importBodyLimit } from '../contract/import-contract-csv-route.js';
import { projectParams } from '../projects/get-project-route.js';

const countsSchema = z.object({
  tables: z.number().int(),
  columns: z.number().int(),
  inScopeTables: z.number().int(),
  primaryKeys: z.number().int(),
  references: z.number().int(),
});

const versionSchema = z.object({
  seq: z.number().int(),
  hash: z.string(),
  parentHash: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  origin: z.record(z.string(), z.unknown()),
  profiledAt: z.string().nullable(),
});

export const projectSourceSchema = z.object({
  origin: z.enum(['project', 'pack']).describe("project: the project's own catalog; pack: its pack's example"),
  name: z.string(),
  counts: countsSchema,
  version: versionSchema.nullable(),
});

function versionView(v: SourceCatalogVersion): z.infer<typeof versionSchema> {
  return {
    seq: v.row.seq,
    hash: v.row.hash,
    parentHash: v.row.parent_hash,
    createdAt: new Date(v.row.created_at).toISOString(),
    createdBy: v.row.created_by_email,
    origin: v.row.origin as Record<string, unknown>,
    profiledAt: v.row.profiled_at ? new Date(v.row.profiled_at).toISOString() : null,
  };
}

/**
 * GET /api/projects/:projectId/source: which source catalog the project's contract and runs read (its own, drafted
 * from its extract, or its pack's example), with its counts and current version.
 */
export function getProjectSourceRoute(app: FerryApp): void {
  app.get(
    '/api/projects/:projectId/source',
    {
      schema: {
        tags: ['catalogs'],
        summary: "The project's source catalog: its own or its pack's",
        params: projectParams,
        response: { 200: projectSourceSchema },
      },
      config: { access: 'catalog.read' },
    },
    async (request) =>
      request.tenant(async (tx) => {
        const project = await findProject(tx, request.params.projectId);
        const source = await projectSourceCatalog(app.platform.packs, tx, project);
        return {
          origin: source.own ? ('project' as const) : ('pack' as const),
          name: source.catalog.name,
          counts: catalogCounts(source.catalog),
          version: source.own ? versionView(source.own) : null,
        };
      }),
  );
}

/**
 * GET /api/projects/:projectId/source/catalog: the project's source catalog as catalog CSV (the columns `ferry
 * catalog draft` writes), to edit in a spreadsheet; the pack's when the project has none of its own yet.
 */
export function getSourceCatalogCsvRoute(app: FerryApp): void {
  app.get(
    '/api/projects/:projectId/source/catalog',
    {
      schema: {
        tags: ['catalogs'],
        summary: "The project's source catalog CSV",
        params: projectParams,
        produces: ['text/csv'],
      },
      config: { access: 'catalog.read' },
    },
    async (request, reply) => {
      const source = await request.tenant(async (tx) =>
        projectSourceCatalog(app.platform.packs, tx, await findProject(tx, request.params.projectId)),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="source-catalog.csv"')
        .header('x-ferry-source-origin', source.own ? 'project' : 'pack')
        .send(formatCatalogCsv(source.catalog));
    },
  );
}

/**
 * PUT /api/projects/:projectId/source/catalog (body: catalog CSV, `content-type: text/csv`): an edited source
 * catalog becomes the project's next source catalog version (audited; the extract's profile is kept). It is read
 * with core's catalog reader: a malformed file is a 400 with one issue per problem, naming its line and field.
 * The answer lists the rows of the current contract that do not load against the saved catalog.
 */
export function putSourceCatalogCsvRoute(app: FerryApp): void {
  acceptCsvBodies(app);
  app.put(
    '/api/projects/:projectId/source/catalog',
    {
      bodyLimit: importBodyLimit,
      schema: {
        tags: ['catalogs'],
        summary: "Save an edited source catalog CSV as the project's next version",
        consumes: ['text/csv'],
        params: projectParams,
        querystring: z.object({
          fileName: z
            .string()
            .regex(/^[\w .()-]{1,200}$/)
            .default('source-catalog.csv')
            .describe('the name problems are reported against'),
        }),
        body: z.string().min(1).describe('the catalog CSV (the columns of GET .../source/catalog)'),
        response: {
          200: projectSourceSchema.extend({
            saved: z.boolean().describe('false when the catalog was the current version already'),
            contractToFix: z
              .array(
                z.object({ table: z.string(), column: z.string().optional(), code: z.string(), message: z.string() }),
              )
              .describe('rows of the current contract that do not load against this catalog'),
          }),
        },
      },
      config: { access: 'contract.edit' },
    },
    async (request) => {
      const { fileName } = request.query;
      const principal = request.principal!;
      return request.tenant(async (tx) => {
        const project = await findProject(tx, request.params.projectId);
        await lockProjectContract(tx, project.id);
        const before = await projectSourceCatalog(app.platform.packs, tx, project);
        const catalog = parseCatalogCsv(request.body, fileName, { name: before.catalog.name });
        if (catalog.tables.length === 0) {
          throw new FerryError('FERRY_ERR_CATALOG_INVALID', `${fileName}: the catalog has no tables`, {
            file: fileName,
          });
        }
        const { version, saved } = await saveSourceCatalogVersion(tx, project, catalog, {
          by: { userId: principal.userId, email: principal.email },
          origin: { kind: 'edit' },
          message: 'source.catalog_edit',
        });
        const contract = await currentContract(tx, project.id);
        const contractToFix = validateContractForLoad(contract.contract, await contractCheckInputs(app, tx, project))
          .filter(blocksLoad)
          .map((f) => ({
            table: f.table,
            ...(f.field !== undefined ? { column: f.field } : {}),
            code: f.code,
            message: f.message,
          }));
        if (saved) {
          await request.audit(tx, {
            organisationId: project.organisation_id,
            action: 'source.catalog_edit',
            targetType: 'project',
            targetId: project.id,
            before: { sourceCatalogHash: before.own?.row.hash ?? null },
            after: { sourceCatalogHash: version.row.hash },
            details: { fileName, ...catalogCounts(catalog), contractToFix: contractToFix.length },
          });
        }
        return {
          origin: 'project' as const,
          name: catalog.name,
          counts: catalogCounts(catalog),
          version: versionView(version),
          saved,
          contractToFix,
        };
      });
    },
  );
}
