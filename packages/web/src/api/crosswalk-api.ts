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

const base = (projectId: string) => `/api/projects/${projectId}/crosswalks`;

/** The project's crosswalks (versioned like the contract): paged entries and filter-wide review. */
export const crosswalkApi = {
  entries: (projectId: string, filter: CrosswalkFilter, page: number, pageSize: number) =>
    api.get<Page<CrosswalkEntry> & { hash: string; codeTypes: string[] }>(base(projectId), {
      ...filter,
      page,
      pageSize,
    }),
  review: (projectId: string, filter: CrosswalkFilter, status: ReviewStatus) =>
    api.post<{ hash: string; previousHash: string; changed: number; unchanged: number }>(`${base(projectId)}/review`, {
      filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')),
      status,
    }),
};
