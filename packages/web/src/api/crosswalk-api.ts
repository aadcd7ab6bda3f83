import type { Page } from './admin-api';
import { api } from './api-client';
import type { ReviewStatus } from './contract-api';

/** A local code's mapping to a national code. Only approved entries translate values. */
export interface CrosswalkEntry {
  codeType: string;
  sourceCode: string;
  sourceLabel: string;
  targetCode: string;
  targetLabel: string;
  equivalence: 'equal' | 'equivalent' | 'wider' | 'narrower' | 'inexact' | 'unmatched';
  status: ReviewStatus;
  reviewer?: string;
  reviewedAt?: string;
  notes?: string;
}

export interface CrosswalkFilter {
  codeType?: string;
  sourceCode?: string;
  status?: ReviewStatus;
  text?: string;
}

/** Coverage of one crosswalk (code type) on a run's source extract. */
export interface CodeTypeCoverage {
  codeType: string;
  columns: { table: string; column: string; targetTable: string; targetColumn: string }[];
  approvedEntries: number;
  values: number;
  mappedValues: number;
  distinctCodes: number;
  mappedCodes: number;
  valueCoverage: number;
  codeCoverage: number;
  unmappedCodes: number;
  unmappedValues: number;
}

export interface CrosswalkCoverage {
  runId: string;
  contractHash: string;
  crosswalkHash: string;
  totals: {
    codeTypes: number;
    values: number;
    mappedValues: number;
    unmappedValues: number;
    unmappedCodes: number;
    invalidValues: number;
    outOfScopeValues: number;
  };
  codeTypes: CodeTypeCoverage[];
  problems: string[];
}

/** A national code suggested for an unmapped local code: score is its confidence in [0, 1]. */
export interface CodeSuggestion {
  targetCode: string;
  targetLabel: string;
  score: number;
  basis: 'national label' | 'approved mapping';
  matchedLabel: string;
  reason: string;
}

/** A local code seen in the extract with no approved mapping. */
export interface UnmappedCode {
  codeType: string;
  code: string;
  count: number;
  seenIn: { table: string; column: string; count: number }[];
  entryStatus?: ReviewStatus;
  label?: string;
  labelFrom?: string;
  suggestions: CodeSuggestion[];
}

const base = (projectId: string) => `/api/projects/${projectId}/crosswalks`;

/**
 * The project's crosswalks (versioned like the contract): paged entries and filter-wide review; coverage on a run's
 * extract, unmapped codes with suggestions, and drafts from suggestions.
 */
export const crosswalkApi = {
  entries: (projectId: string, filter: CrosswalkFilter, page: number, pageSize: number) =>
    api.get<Page<CrosswalkEntry> & { hash: string; codeTypes: string[] }>(base(projectId), {
      ...filter,
      page,
      pageSize,
    }),
  review: (projectId: string, filter: CrosswalkFilter, status: ReviewStatus) =>
    api.post<{ hash: string; previousHash: string; changed: number; unchanged: number }>(
      // Approving and rejecting is a permission of its own (crosswalk.approve), on a route of its own.
      `${base(projectId)}/${status === 'approved' || status === 'rejected' ? 'decide' : 'review'}`,
      {
        filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')),
        status,
      },
    ),
  coverage: (projectId: string) => api.get<CrosswalkCoverage>(`${base(projectId)}/coverage`),
  unmapped: (projectId: string, query: { codeType?: string; page: number; pageSize: number }) =>
    api.get<Page<UnmappedCode> & { runId: string; crosswalkHash: string }>(`${base(projectId)}/unmapped`, query),
  accept: (projectId: string, input: { runId: string; codeType: string; sourceCode: string; targetCode: string }) =>
    api.post<{ hash: string; previousHash: string; entry: CrosswalkEntry }>(
      `${base(projectId)}/suggestions/accept`,
      input,
    ),
  draftAll: (projectId: string, input: { runId: string; codeType?: string }) =>
    api.post<{ hash: string; previousHash: string; added: number }>(`${base(projectId)}/drafts`, input),
};
