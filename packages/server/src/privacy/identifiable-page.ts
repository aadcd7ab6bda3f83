import {
  type IdentifierKind,
  KeyedMask,
  maskPageRows,
  type PageIdentifierColumn,
  pageIdentifierColumns,
} from '@ferry/core';
import type { FastifyRequest } from 'fastify';
import type { FerryApp } from '../app-types.js';
import type { TenantTx } from '../db/tenant-transaction.js';
import { projectSourceCatalog } from '../sources/project-source-catalog-store.js';
import { findProject } from '../tenancy/project-view.js';

/** A page of rows as one caller may see it. */
export interface IdentifiablePage {
  rows: (string | null)[][];
  identifiers: PageIdentifierColumn[];
  /** True when identifier values were replaced by keyed-hash tokens. */
  masked: boolean;
}

/** The organisation's identifier mask: keyed by the server's secret and the organisation, so tokens never link orgs. */
export function organisationMask(app: FerryApp, organisationId: string): KeyedMask {
  return KeyedMask.derived(app.platform.config.secretKey, organisationId);
}

/** Whether the request's caller may see personal identifiers unmasked. */
export function mayIdentify(request: FastifyRequest): boolean {
  return request.principal?.permissions.has('data.identifiable') === true;
}

/**
 * A page of a project's source rows as the caller may see it: the identifier columns (declared by the project's
 * source catalog for the table, or shown by the page's values and names) masked unless the caller has
 * data.identifiable.
 */
export async function identifiablePage(
  app: FerryApp,
  request: FastifyRequest,
  tx: TenantTx,
  owner: { organisation_id: string; project_id: string },
  table: string,
  columns: readonly string[],
  rows: readonly (readonly (string | null)[])[],
): Promise<IdentifiablePage> {
  const project = await findProject(tx, owner.project_id);
  const catalog = await projectSourceCatalog(app.platform.packs, tx, project).then(
    (c) => c.catalog,
    () => undefined,
  );
  const declared = new Map<string, IdentifierKind>();
  const t = catalog?.tables.find((x) => x.name.toLowerCase() === table.toLowerCase());
  for (const c of t?.columns ?? []) if (c.identifier) declared.set(c.name.toLowerCase(), c.identifier);
  const identifiers = pageIdentifierColumns(columns, rows, (c) => declared.get(c.toLowerCase()));
  if (mayIdentify(request) || identifiers.length === 0) {
    return { rows: rows.map((r) => [...r]), identifiers, masked: false };
  }
  return {
    rows: maskPageRows(columns, rows, identifiers, organisationMask(app, owner.organisation_id)),
    identifiers,
    masked: true,
  };
}
