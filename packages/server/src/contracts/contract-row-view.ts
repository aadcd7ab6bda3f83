import type { ContractField, ContractTable, RowConfidence } from '@ferry/core';
import { reviewStatuses } from '@ferry/core';
import { z } from 'zod';

export const contractRowSchema = z.object({
  table: z.string(),
  column: z.string(),
  sourceTable: z.string(),
  source: z.array(z.string()),
  combine: z.enum(['coalesce', 'join']),
  separator: z.string(),
  constant: z.string().nullable(),
  transform: z.array(z.string()),
  crosswalk: z.string().nullable(),
  mandatory: z.boolean(),
  onInvalid: z.enum(['reject', 'blank', 'keep']),
  defaults: z.object({ development: z.string().nullable(), pre_production: z.string().nullable() }),
  status: z.enum(reviewStatuses),
  owner: z.string().nullable(),
  reviewer: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  notes: z.string().nullable(),
  domain: z.string(),
  /** Who last edited the row or marked it reviewed (null: unchanged since the pack's import). */
  lastAuthor: z.string().nullable(),
  /**
   * How sure the latest run's map stage was of the row's source column (null: not scored, or no run has mapped yet),
   * and why.
   */
  confidence: z.number().min(0).max(1).nullable(),
  confidenceReason: z.string().nullable(),
});
export type ContractRowView = z.infer<typeof contractRowSchema>;

export function contractRowView(
  t: ContractTable,
  f: ContractField,
  lastAuthor: string | null,
  confidence?: RowConfidence,
): ContractRowView {
  return {
    table: t.target,
    column: f.target,
    sourceTable: t.source,
    source: f.source,
    combine: f.combine,
    separator: f.separator,
    constant: f.constant ?? null,
    transform: f.transform,
    crosswalk: f.crosswalk ?? null,
    mandatory: f.mandatory,
    onInvalid: f.onInvalid,
    defaults: { development: f.defaults.development ?? null, pre_production: f.defaults.pre_production ?? null },
    status: f.status,
    owner: f.owner ?? null,
    reviewer: f.reviewer ?? null,
    reviewedAt: f.reviewedAt ?? null,
    notes: f.notes ?? null,
    domain: t.domain,
    lastAuthor,
    confidence: confidence?.confidence ?? null,
    confidenceReason: confidence?.reason ?? null,
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
  /** The contract's tables in load order: target table and the source table that drives it. */
  targetTables: z.array(z.object({ target: z.string(), source: z.string() })),
  rows: z.number().int(),
  byStatus: z.record(z.enum(reviewStatuses), z.number().int()),
  versionSeq: z.number().int(),
  savedAt: z.string(),
  savedBy: z.string(),
});
