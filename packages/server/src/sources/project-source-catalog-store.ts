import {
  type Catalog,
  canonicalJson,
  catalogSchema,
  FerryError,
  type Pack,
  type ProfileReport,
  profileReportSchema,
  sha256Hex,
} from '@ferry/core';
import type { Selectable } from 'kysely';
import type { VersionAuthor } from '../contracts/project-contract-store.js';
import type { SourceCatalogOrigin, SourceCatalogVersionsTable } from '../db/platform-schema.js';
import type { TenantTx } from '../db/tenant-transaction.js';
import { packCatalog } from '../packs/pack-catalogs.js';
import { packNamed } from '../packs/pack-registry.js';

/** A saved version of a project's own source catalog, with its content parsed. */
export interface SourceCatalogVersion {
  row: Selectable<SourceCatalogVersionsTable>;
  catalog: Catalog;
}

/** The content hash of a catalog: sha256 of its canonical JSON (as a run record names a source catalog). */
export const sourceCatalogHash = (catalog: Catalog): string => sha256Hex(canonicalJson(catalog));

function parsed(row: Selectable<SourceCatalogVersionsTable>): SourceCatalogVersion {
  return { row, catalog: catalogSchema.parse(row.content) };
}

/** The current (latest saved) version of a project's own source catalog, or undefined when it uses its pack's. */
export async function currentSourceCatalog(tx: TenantTx, projectId: string): Promise<SourceCatalogVersion | undefined> {
  const row = await tx.db
    .selectFrom('source_catalog_versions')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? parsed(row) : undefined;
}

/** A version by its full hash (as a run names it). */
export async function sourceCatalogVersion(
  tx: TenantTx,
  projectId: string,
  hash: string,
): Promise<SourceCatalogVersion> {
  const row = await tx.db
    .selectFrom('source_catalog_versions')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('hash', '=', hash)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) {
    throw new FerryError('FERRY_ERR_NOT_FOUND', `No source catalog version ${hash.slice(0, 12)} in this project`, {
      key: hash,
    });
  }
  return parsed(row);
}

/** The profile kept with a source catalog version, when it has one. */
export function sourceCatalogProfile(row: Selectable<SourceCatalogVersionsTable>): ProfileReport | undefined {
  if (row.profile === null || row.profile === undefined) return undefined;
  const report = profileReportSchema.safeParse(row.profile);
  if (!report.success) {
    throw new FerryError('FERRY_ERR_INTERNAL', 'a saved source profile does not follow the profile format', {
      key: row.hash,
    });
  }
  return report.data;
}

/**
 * Saves a new version of a project's source catalog (immutable, content-hashed). A version without a profile of its
 * own keeps its parent's (an edit of the catalog does not change the extract it was profiled from). Saving the
 * current content again with nothing new saves nothing and returns the current version.
 */
export async function saveSourceCatalogVersion(
  tx: TenantTx,
  project: { id: string; organisation_id: string },
  catalog: Catalog,
  meta: {
    by: VersionAuthor;
    origin: SourceCatalogOrigin;
    profile?: { report: ProfileReport; at: Date };
    message?: string;
  },
): Promise<{ version: SourceCatalogVersion; saved: boolean }> {
  const latest = await currentSourceCatalog(tx, project.id);
  const hash = sourceCatalogHash(catalog);
  if (latest?.row.hash === hash && !meta.profile) return { version: latest, saved: false };
  const profile = meta.profile
    ? { profile: JSON.stringify(meta.profile.report), profiled_at: meta.profile.at }
    : latest
      ? {
          profile: latest.row.profile === null ? null : JSON.stringify(latest.row.profile),
          profiled_at: latest.row.profiled_at,
        }
      : { profile: null, profiled_at: null };
  const row = await tx.db
    .insertInto('source_catalog_versions')
    .values({
      organisation_id: project.organisation_id,
      project_id: project.id,
      seq: (latest?.row.seq ?? 0) + 1,
      hash,
      parent_hash: latest?.row.hash ?? null,
      content: JSON.stringify(catalog),
      ...profile,
      origin: JSON.stringify(meta.origin),
      message: meta.message ?? null,
      created_by: meta.by.userId,
      created_by_email: meta.by.email,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { version: { row, catalog }, saved: true };
}

/** The source catalog a project's contract reads: its own current version, else its pack's. */
export interface ProjectSourceCatalog {
  catalog: Catalog;
  /** The project's own version, when it has one. */
  own?: SourceCatalogVersion;
}

/** The project's source catalog: its own current version when it has one, else its pack's. */
export async function projectSourceCatalog(
  packs: ReadonlyMap<string, Pack>,
  tx: TenantTx,
  project: { id: string; pack: string },
): Promise<ProjectSourceCatalog> {
  const own = await currentSourceCatalog(tx, project.id);
  if (own) return { catalog: own.catalog, own };
  return { catalog: await packCatalog(packNamed(packs, project.pack), 'source') };
}

/** A project's source catalog (its own, else its pack's) or its pack's target catalog. */
export async function projectCatalog(
  packs: ReadonlyMap<string, Pack>,
  tx: TenantTx,
  project: { id: string; pack: string },
  side: 'source' | 'target',
): Promise<Catalog> {
  if (side === 'source') return (await projectSourceCatalog(packs, tx, project)).catalog;
  return packCatalog(packNamed(packs, project.pack), 'target');
}
