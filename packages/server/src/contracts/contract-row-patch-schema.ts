import { z } from 'zod';

const text = (max: number) => z.string().max(max);
const name = z.string().trim().min(1).max(200);

/** Attributes of a contract row a person may set (review status, reviewer and time move only through reviews). */
const rowAttributes = {
  source: z.array(name).max(20).describe('source column(s) of the table’s source table').optional(),
  combine: z.enum(['coalesce', 'join']).optional(),
  separator: text(20).optional(),
  constant: text(500).nullable().describe('a fixed value; null removes it').optional(),
  transform: z.array(z.string().trim().min(1).max(100)).max(20).describe('transform steps, in order').optional(),
  crosswalk: name.nullable().describe('crosswalk code type; null removes it').optional(),
  mandatory: z.boolean().optional(),
  onInvalid: z.enum(['reject', 'blank', 'keep']).optional(),
  equivalence: z.enum(['equal', 'equivalent', 'wider', 'narrower', 'inexact', 'unmatched']).nullable().optional(),
  owner: text(200).nullable().optional(),
  notes: text(4000).nullable().optional(),
};

/** PATCH body of one contract row: each given attribute is set, null removes an optional one. */
export const contractRowPatchSchema = z
  .object({
    ...rowAttributes,
    defaults: z
      .object({
        development: text(500).nullable().optional(),
        pre_production: text(500).nullable().optional(),
      })
      .strict()
      .describe('defaults per release profile for blank values; null removes one (cutover_ready never defaults)')
      .optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'give at least one attribute to change');

/** POST body of a new contract row: its table and target column, where it goes, and what fills it. */
export const newContractRowSchema = z
  .object({
    table: name.describe('target table of the contract'),
    column: name.describe('target column (a field of the target catalog)'),
    after: name.optional().describe('the row after which the new one goes (default: the end of the table)'),
    ...rowAttributes,
    defaults: z
      .object({ development: text(500).optional(), pre_production: text(500).optional() })
      .strict()
      .optional(),
  })
  .strict();
