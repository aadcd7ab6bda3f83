import type { Page } from './admin-api';
import { api, type Query } from './api-client';

export const reviewStatuses = ['draft', 'reviewed', 'approved', 'rejected'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

/** GET /api/projects/:id/contract. */
export interface ContractSummary {
  name: string;
  label: string;
  hash: string;
  locked: boolean;
  sourceSystem: string;
  targetSystem: string;
  tables: number;
  rows: number;
  byStatus: Record<ReviewStatus, number>;
  versionSeq: number;
  savedAt: string;
  savedBy: string;
}

/** One contract row: a target field and how it is filled. */
export interface ContractRow {
  table: string;
  column: string;
  sourceTable: string;
  source: string[];
  constant: string | null;
  transform: string[];
  crosswalk: string | null;
  mandatory: boolean;
  status: ReviewStatus;
  owner: string | null;
  reviewer: string | null;
  reviewedAt: string | null;
  notes: string | null;
  domain: string;
  lastAuthor: string | null;
}

/** The row filter the server applies (patterns may use `*`). */
export interface ContractRowFilter {
  table?: string;
  column?: string;
  status?: ReviewStatus[];
  domain?: string;
  owner?: string;
  mandatory?: boolean;
  text?: string;
}

export type ContractSort = 'contract' | 'table' | 'column' | 'status' | 'domain' | 'owner' | 'reviewedAt';

/** The filter as query-string values. */
export function filterQuery(filter: ContractRowFilter): Query {
  return {
    table: filter.table,
    column: filter.column,
    status: filter.status?.length ? filter.status.join(',') : undefined,
    domain: filter.domain,
    owner: filter.owner,
    mandatory: filter.mandatory === undefined ? undefined : String(filter.mandatory),
    text: filter.text,
  };
}

const base = (projectId: string) => `/api/projects/${projectId}/contract`;

/** The mapping contract of a project. */
export const contractApi = {
  summary: (projectId: string) => api.get<ContractSummary>(base(projectId)),
  rows: (
    projectId: string,
    filter: ContractRowFilter,
    sort: ContractSort,
    order: 'asc' | 'desc',
    page: number,
    pageSize: number,
  ) =>
    api.get<Page<ContractRow> & { hash: string }>(`${base(projectId)}/rows`, {
      ...filterQuery(filter),
      sort,
      order,
      page,
      pageSize,
    }),
  csvUrl: (projectId: string) => `${base(projectId)}?format=csv`,
};
