import { z } from 'zod';
import { reviewStatuses } from '../contract/contract-model.js';

/** Header of a crosswalk CSV file. */
export const crosswalkCsvHeader = [
  'code_type',
  'source_code',
  'source_label',
  'target_code',
  'target_label',
  'equivalence',
  'status',
] as const;

export const crosswalkEntrySchema = z.object({
  codeType: z.string().min(1),
  sourceCode: z.string(),
  sourceLabel: z.string().default(''),
  targetCode: z.string(),
  targetLabel: z.string().default(''),
  equivalence: z.enum(['equal', 'equivalent', 'wider', 'narrower', 'inexact', 'unmatched']).default('equivalent'),
  status: z.enum(reviewStatuses).default('draft'),
  reviewer: z.string().optional(),
  reviewedAt: z.string().optional(),
  notes: z.string().optional(),
});
export type CrosswalkEntry = z.infer<typeof crosswalkEntrySchema>;

/** All crosswalk entries of a pack, across code types. Only `approved` entries translate values. */
export const crosswalkSetSchema = z.object({
  version: z.literal(1),
  entries: z.array(crosswalkEntrySchema),
});
export type CrosswalkSet = z.infer<typeof crosswalkSetSchema>;
