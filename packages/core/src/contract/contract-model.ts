import { z } from 'zod';
import { dateFormatNames } from '../transform/date-formats.js';

/** Review states of a contract row (and of a crosswalk entry). */
export const reviewStatuses = ['draft', 'reviewed', 'approved', 'rejected'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export const releaseProfiles = ['development', 'pre_production', 'cutover_ready'] as const;
export type ReleaseProfile = (typeof releaseProfiles)[number];

/**
 * One transform step. Steps run left to right on the field's value (a string; '' is blank).
 * See `transform/README.md` for the vocabulary: trim, upper, lower, title_case, collapse_spaces,
 * nhs_number, date, datetime, postcode, integer, decimal, yn, phone, crosswalk (via `crosswalk`).
 */
export const transformStepSchema = z.string().min(1);

/** One target field of a contract table. */
export const contractFieldSchema = z.object({
  /** Target column name. */
  target: z.string().min(1),
  /** Source column(s) of the table's source table. Empty when `constant` is used or the field is not mapped. */
  source: z.array(z.string()).default([]),
  /** How several source columns combine: first non-blank, or joined with `separator`. */
  combine: z.enum(['coalesce', 'join']).default('coalesce'),
  separator: z.string().default(' '),
  /** A fixed value (e.g. SYSTEM_CODE). */
  constant: z.string().optional(),
  transform: z.array(transformStepSchema).default([]),
  /**
   * The source date format(s) its `date` / `datetime` step reads, chosen by a person, e.g. `['mm/dd/yyyy']`. Absent:
   * the load decides the format from the whole source column, and refuses a column that fits more than one
   * (see `transform/README.md`). Several only when no two of them read a text differently.
   */
  sourceFormat: z.array(z.enum(dateFormatNames)).min(1).optional(),
  /** Crosswalk code type applied after the transforms; a miss is a CROSSWALK_MISS reject. */
  crosswalk: z.string().optional(),
  /** A blank value after transforms is a MISSING_MANDATORY reject (unless a default applies). */
  mandatory: z.boolean().default(false),
  /** What to do when a transform finds the value invalid. */
  onInvalid: z.enum(['reject', 'blank', 'keep']).default('reject'),
  /** Documented defaults per release profile, applied only to blank values. cutover_ready never invents data. */
  defaults: z
    .object({ development: z.string().optional(), pre_production: z.string().optional() })
    .strict()
    .default({}),
  status: z.enum(reviewStatuses).default('draft'),
  owner: z.string().optional(),
  reviewer: z.string().optional(),
  reviewedAt: z.string().optional(),
  equivalence: z.enum(['equal', 'equivalent', 'wider', 'narrower', 'inexact', 'unmatched']).optional(),
  notes: z.string().optional(),
});
export type ContractField = z.infer<typeof contractFieldSchema>;

/** A link from a field of this table to the RECORD_NUMBER (primary key) of a parent target table. */
export const contractParentSchema = z.object({
  field: z.string(),
  table: z.string(),
});

/** Rows of the source table matching this condition are out of scope (counted, not loaded). */
export const scopeFilterSchema = z.object({
  column: z.string(),
  /** Values (after trim, compared exactly) that take a row out of scope. */
  outOfScopeValues: z.array(z.string()),
  reason: z.string(),
});

/** One target table fed from one driving source table. */
export const contractTableSchema = z.object({
  target: z.string().min(1),
  source: z.string().min(1),
  /** Source key column(s): the lineage key of each row (joined with '|' when compound). */
  sourceKey: z.array(z.string()).min(1),
  /** Target primary key column. */
  targetKey: z.string().default('RECORD_NUMBER'),
  parents: z.array(contractParentSchema).default([]),
  outOfScope: scopeFilterSchema.optional(),
  /** Natural key (target columns) used for duplicate policies, e.g. ['NHS_NUMBER']. */
  naturalKey: z.array(z.string()).optional(),
  /** Quality domain: PMI, RTT, OPD, IWL, ADT, MH, REF, CODING. */
  domain: z.string(),
  fields: z.array(contractFieldSchema).min(1),
});
export type ContractTable = z.infer<typeof contractTableSchema>;

/**
 * A mapping contract, v1: one row per target field, grouped by target table in load order.
 *
 * @example
 * const contract = mappingContractSchema.parse(JSON.parse(readFileSync('contract.json', 'utf8')));
 */
export const mappingContractSchema = z.object({
  version: z.literal(1),
  name: z.string(),
  /** Human version label of this contract, e.g. 1.0.0. The content hash identifies it exactly. */
  label: z.string(),
  sourceSystem: z.string(),
  targetSystem: z.string(),
  locked: z.boolean().default(false),
  tables: z.array(contractTableSchema).min(1),
});
export type MappingContract = z.infer<typeof mappingContractSchema>;
