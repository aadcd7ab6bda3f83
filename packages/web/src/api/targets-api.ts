import { api } from './api-client';
import type { ConnectorCheck } from './connectors-api';
import type { Run } from './runs-api';

/** A registered PostgreSQL target database: where it is, and whether a password is set (never the password). */
export interface TargetDatabase {
  id: string;
  organisationId: string;
  name: string;
  host: string;
  port: number;
  database: string;
  schema: string;
  user: string;
  passwordSet: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TargetList {
  targets: TargetDatabase[];
  /** The database hosts the operator allowed this organisation (empty: none yet). */
  allowedHosts: string[];
}

/** What registering a target sends; the password is write-only. */
export interface NewTarget {
  name: string;
  host: string;
  port: number;
  database: string;
  schema: string;
  user: string;
  password?: string;
}

/** Per table: rows a rollback removes, and rows it restores to their before-images. */
export interface TableUndo {
  table: string;
  rows: number;
  restored: number;
}

/** What rolling back a run's load would do, and the refusal it would get. */
export interface RollbackPreview {
  runId: string;
  jobId: string;
  target: string;
  status: string;
  tables: TableUndo[];
  refusal: string | null;
}

export const targetsApi = {
  list: (orgId: string) => api.get<TargetList>(`/api/orgs/${orgId}/targets`),
  create: (orgId: string, target: NewTarget) => api.post<TargetDatabase>(`/api/orgs/${orgId}/targets`, target),
  remove: (targetId: string) => api.delete<{ ok: true }>(`/api/targets/${targetId}`),
  test: (targetId: string) => api.post<{ ok: boolean; checks: ConnectorCheck[] }>(`/api/targets/${targetId}/test`),
  setHosts: (orgId: string, hosts: string[]) =>
    api.put<{ hosts: string[] }>(`/api/orgs/${orgId}/target-hosts`, { hosts }),
  rollbackPreview: (runId: string) => api.get<RollbackPreview>(`/api/runs/${runId}/rollback`),
  rollback: (runId: string, jobId: string) => api.post<Run>(`/api/runs/${runId}/rollback`, { jobId }),
};
