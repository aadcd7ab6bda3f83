import type { Page } from './admin-api';
import { api } from './api-client';

export type CatalogSide = 'source' | 'target';

export interface CatalogTableSummary {
  name: string;
  inScope: boolean;
  columns: number;
  primaryKey: string[];
}

export interface CatalogColumn {
  table: string;
  name: string;
  dataType: string;
  maxLength?: number;
  nullable: boolean;
  primaryKey: boolean;
  references?: string;
  description: string;
  codeType?: string;
}

export interface CatalogTablesPage extends Page<CatalogTableSummary> {
  catalog: { name: string; tables: number; fields: number; inScopeTables: number };
}

const base = (projectId: string, side: CatalogSide) => `/api/projects/${projectId}/catalogs/${side}`;

/** The source and target catalogs of a project's pack. */
export const catalogApi = {
  tables: (
    projectId: string,
    side: CatalogSide,
    query: { q?: string; inScope?: boolean; page: number; pageSize: number },
  ) =>
    api.get<CatalogTablesPage>(`${base(projectId, side)}/tables`, {
      q: query.q,
      inScope: query.inScope === undefined ? undefined : String(query.inScope),
      page: query.page,
      pageSize: query.pageSize,
    }),
  columns: (
    projectId: string,
    side: CatalogSide,
    query: { table?: string; q?: string; page: number; pageSize: number },
  ) => api.get<Page<CatalogColumn>>(`${base(projectId, side)}/columns`, query),
};
