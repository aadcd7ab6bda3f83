import type { ContractField, ContractTable } from '@ferry/core';
import { reviewStatuses } from '@ferry/core';
import { z } from 'zod';

export const contractRowSchema = z.object({
  table: z.string(),
  column: z.string(),
  sourceTable: z.string(),
  source: z.array(z.string()),
  constant: z.string().nullable(),
  transform: z.array(z.string()),
  crosswalk: z.string().nullable(),
  mandatory: z.boolean(),
  status: z.enum(reviewStatuses),
  owner: z.string().nullable(),
  reviewer: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  notes: z.string().nullable(),
  domain: z.string(),
  /** Who last edited the row or marked it reviewed (null: unchanged since the pack's import). */
  lastAuthor: z.string().nullable(),
});
export type ContractRowView = z.infer<typeof contractRowSchema>;

export function contractRowView(t: ContractTable, f: ContractField, lastAuthor: string | null): ContractRowView {
  return {
    table: t.target,
    column: f.target,
    sourceTable: t.source,
    source: f.source,
    constant: f.constant ?? null,
    transform: f.transform,
    crosswalk: f.crosswalk ?? null,
    mandatory: f.mandatory,
    status: f.status,
    owner: f.owner ?? null,
    reviewer: f.reviewer ?? null,
    reviewedAt: f.reviewedAt ?? null,
    notes: f.notes ?? null,
    domain: t.domain,
    lastAuthor,
  };
}

export const contractSummarySchema = z.object({
  name: z.string(),
  label: z.string(),
  hash: z.string(),
  locked: z.boolean(),
  sourceSystem: z.string(),
  targetSystem: z.string(),
  tables: z.number().int(),
  rows: z.number().int(),
  byStatus: z.record(z.enum(reviewStatuses), z.number().int()),
  versionSeq: z.number().int(),
  savedAt: z.string(),
  savedBy: z.string(),
});
