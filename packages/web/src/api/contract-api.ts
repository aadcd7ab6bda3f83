import type { Page } from './admin-api';
import { api, apiRequest, type Query } from './api-client';

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
  /** The contract's tables in load order, with the source table of each. */
  targetTables: { target: string; source: string }[];
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
  combine: 'coalesce' | 'join';
  separator: string;
  constant: string | null;
  transform: string[];
  crosswalk: string | null;
  mandatory: boolean;
  onInvalid: 'reject' | 'blank' | 'keep';
  defaults: { development: string | null; pre_production: string | null };
  status: ReviewStatus;
  owner: string | null;
  reviewer: string | null;
  reviewedAt: string | null;
  notes: string | null;
  domain: string;
  lastAuthor: string | null;
  /** How sure the latest run's map stage was of the row's source column (null: not scored), and why. */
  confidence: number | null;
  confidenceReason: string | null;
}

/**
 * A confidence band to list (inclusive bounds in [0, 1]). A list-only filter: the server's bulk selection by filter does
 * not know it, so "all matching" is not offered while it is set.
 */
export interface ConfidenceRange {
  min?: number;
  max?: number;
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

export type ContractSort =
  | 'contract'
  | 'table'
  | 'column'
  | 'status'
  | 'domain'
  | 'owner'
  | 'reviewedAt'
  | 'confidence';

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
    confidence: ConfidenceRange = {},
  ) =>
    api.get<Page<ContractRow> & { hash: string }>(`${base(projectId)}/rows`, {
      ...filterQuery(filter),
      minConfidence: confidence.min === undefined ? undefined : String(confidence.min),
      maxConfidence: confidence.max === undefined ? undefined : String(confidence.max),
      sort,
      order,
      page,
      pageSize,
    }),
  csvUrl: (projectId: string) => `${base(projectId)}?format=csv`,
};

/** The answer of every contract change: the new version's hash and how many rows moved. */
export interface ChangeOutcome {
  hash: string;
  previousHash: string;
  changed: number;
  unchanged: number;
}

/** Which rows a bulk action applies to: exact rows, or every row a filter selects. */
export type RowSelection = { rows: { table: string; column: string }[] } | { filter: ContractRowFilter };

export interface ContractVersion {
  seq: number;
  hash: string;
  parentHash: string | null;
  label: string;
  locked: boolean;
  message: string | null;
  rowsChanged: number;
  savedBy: string;
  savedAt: string;
}

export interface AttributeChange {
  attribute: string;
  before: unknown;
  after: unknown;
}

export interface ContractDiff {
  from: string;
  to: string;
  contract: AttributeChange[];
  tables: { added: string[]; removed: string[]; changed: { table: string; changes: AttributeChange[] }[] };
  rows: {
    added: { table: string; column: string }[];
    removed: { table: string; column: string }[];
    changed: { table: string; column: string; changes: AttributeChange[] }[];
  };
  counts: Record<
    'rowsAdded' | 'rowsRemoved' | 'rowsChanged' | 'tablesAdded' | 'tablesRemoved' | 'tablesChanged',
    number
  >;
}

/** A selection as the API's body: the filter's statuses as a list. */
function selectionBody(selection: RowSelection): Record<string, unknown> {
  if ('rows' in selection) return { rows: selection.rows };
  const { status, ...rest } = selection.filter;
  return { filter: { ...rest, ...(status?.length ? { status } : {}) } };
}

/** Contract changes: review, decide, bulk edit, lock; and its history. */
export const contractChangesApi = {
  review: (projectId: string, selection: RowSelection, status: 'reviewed' | 'draft') =>
    api.post<ChangeOutcome>(`${base(projectId)}/rows/review`, { ...selectionBody(selection), status }),
  decide: (projectId: string, selection: RowSelection, decision: 'approved' | 'rejected') =>
    api.post<ChangeOutcome>(`${base(projectId)}/rows/decision`, { ...selectionBody(selection), decision }),
  edit: (projectId: string, filter: ContractRowFilter, change: { owner?: string; transform?: string[] }) =>
    api.patch<ChangeOutcome & { reopened: number }>(`${base(projectId)}/rows`, {
      filter: (selectionBody({ filter }) as { filter: unknown }).filter,
      ...change,
    }),
  lock: (projectId: string) => api.post<ChangeOutcome>(`${base(projectId)}/lock`),
  versions: (projectId: string) => api.get<ContractVersion[]>(`${base(projectId)}/versions`),
  diff: (projectId: string, from: string, to?: string) =>
    api.get<{ from: string; to: string; diff: ContractDiff }>(`${base(projectId)}/diff`, { from, to }),
};

/** What a row edit may set; null removes an optional attribute. Review attributes change only through reviews. */
export interface ContractRowPatch {
  source?: string[];
  combine?: 'coalesce' | 'join';
  separator?: string;
  constant?: string | null;
  transform?: string[];
  crosswalk?: string | null;
  mandatory?: boolean;
  onInvalid?: 'reject' | 'blank' | 'keep';
  defaults?: { development?: string | null; pre_production?: string | null };
  owner?: string | null;
  notes?: string | null;
}

/** A new row: its table and target column, where it goes, and what fills it. */
export interface NewContractRow {
  table: string;
  column: string;
  after?: string;
  source?: string[];
  constant?: string;
  transform?: string[];
  crosswalk?: string;
  mandatory?: boolean;
}

/** A finding of the server's contract validation for a row: errors stop a load, warnings are for the reviewer. */
export interface ContractFinding {
  severity: 'error' | 'warning';
  table: string;
  field?: string;
  code: string;
  message: string;
}

/** The answer of a one-row change: the new version, the row as it now is (null once removed), its findings. */
export interface RowChangeOutcome extends ChangeOutcome {
  reopened: number;
  row: ContractRow | null;
  findings: ContractFinding[];
}

type RowRef = { table: string; column: string };

/** The answer of a CSV import. */
export interface ImportOutcome extends Omit<ChangeOutcome, 'changed'> {
  added: RowRef[];
  removed: RowRef[];
  changed: RowRef[];
  reopened: number;
  reviewIgnored: number;
  findings: ContractFinding[];
}

const rowPath = (projectId: string, r: RowRef) =>
  `${base(projectId)}/rows/${encodeURIComponent(r.table)}/${encodeURIComponent(r.column)}`;

/** Editing the contract: one row at a time, a CSV import, a new version from a locked one. */
export const contractEditApi = {
  editRow: (projectId: string, r: RowRef, patch: ContractRowPatch) =>
    api.patch<RowChangeOutcome>(rowPath(projectId, r), patch),
  addRow: (projectId: string, row: NewContractRow) => api.post<RowChangeOutcome>(`${base(projectId)}/rows`, row),
  removeRow: (projectId: string, r: RowRef) => api.delete<RowChangeOutcome>(rowPath(projectId, r)),
  importCsv: (projectId: string, csv: Blob, fileName: string) =>
    apiRequest<ImportOutcome>('POST', `${base(projectId)}/import`, {
      query: { fileName: safeFileName(fileName) },
      body: new Blob([csv], { type: 'text/csv' }),
    }),
  newDraft: (projectId: string, label: string) => api.post<ChangeOutcome>(`${base(projectId)}/drafts`, { label }),
  transformSteps: () => api.get<{ steps: string[] }>('/api/contract/transform-steps'),
};

/** A file name the import route accepts for its reports (letters, digits, space, dot, dash, brackets). */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[^\w .()-]/g, '_').slice(0, 200);
  return cleaned || 'contract.csv';
}
