import { api } from './api-client';

/** A row of a draft contract that stops it loading. */
export interface DraftFinding {
  table: string;
  column?: string;
  code: string;
  message: string;
}

/** What drafting a project's source from a connector made (POST /api/projects/:id/source/draft). */
export interface SourceDraft {
  catalog: {
    seq: number;
    hash: string;
    tables: number;
    columns: number;
    inScopeTables: number;
    primaryKeys: number;
    references: number;
  };
  profile: { tables: number; rows: number; columns: number };
  contract: {
    seq: number;
    hash: string;
    label: string;
    tables: number;
    rows: number;
    suggestedRows: number;
    targetTables: number;
    matchedTables: number;
    targetFields: number;
    toFix: DraftFinding[];
  };
}

/** Which source catalog a project reads: its own (drafted from its extract) or its pack's example. */
export interface ProjectSource {
  origin: 'project' | 'pack';
  name: string;
  counts: { tables: number; columns: number; inScopeTables: number; primaryKeys: number; references: number };
  version: {
    seq: number;
    hash: string;
    createdAt: string;
    createdBy: string;
    origin: Record<string, unknown>;
    profiledAt: string | null;
  } | null;
}

/** A project's own source: drafted from a connector, read, and its catalog CSV. */
export const sourceApi = {
  get: (projectId: string) => api.get<ProjectSource>(`/api/projects/${projectId}/source`),
  draft: (projectId: string, connectorId: string) =>
    api.post<SourceDraft>(`/api/projects/${projectId}/source/draft`, { connectorId }),
  catalogCsvUrl: (projectId: string) => `/api/projects/${projectId}/source/catalog`,
};
