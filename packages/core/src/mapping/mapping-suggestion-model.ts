import { z } from 'zod';
import { dataTypes } from '../catalog/catalog-model.js';

const confidence = z.number().min(0).max(1);

/** One candidate source column for a target field. */
export const columnCandidateSchema = z.object({
  table: z.string(),
  column: z.string(),
  confidence,
  /** Why, for a person: "name tokens DOB≈DATE_OF_BIRTH (abbreviation); type date; 99% values parse as dd/mm/yyyy". */
  reason: z.string(),
});
export type ColumnCandidate = z.infer<typeof columnCandidateSchema>;

/** The suggestion for one target field. */
export const fieldSuggestionSchema = z.object({
  target: z.string(),
  dataType: z.enum(dataTypes),
  /** Not nullable in the target catalog. */
  mandatory: z.boolean(),
  codeType: z.string().optional(),
  /** The crosswalk to apply, when the target's code type has one. */
  crosswalk: z.string().optional(),
  /** A fixed value the target's documentation asks for; such a field gets no source column. */
  constant: z.object({ value: z.string(), reason: z.string() }).optional(),
  /** The suggested source column; absent when no candidate reached the confidence threshold. */
  best: columnCandidateSchema.optional(),
  /** Other candidates, best first. */
  alternatives: z.array(columnCandidateSchema),
});
export type FieldSuggestion = z.infer<typeof fieldSuggestionSchema>;

/** One candidate source table for a target table. */
export const tableCandidateSchema = z.object({ table: z.string(), confidence, reason: z.string() });
export type TableCandidate = z.infer<typeof tableCandidateSchema>;

/** The suggestion for one target table. */
export const tableSuggestionSchema = z.object({
  target: z.string(),
  /** The suggested driving source table; absent when none fits. */
  source: tableCandidateSchema.optional(),
  alternatives: z.array(tableCandidateSchema),
  /** Primary key of the suggested source table (the lineage key). */
  sourceKey: z.array(z.string()),
  /** Primary key of the target table. */
  targetKey: z.string().optional(),
  /** Target fields referring to another target table's key. */
  parents: z.array(z.object({ field: z.string(), table: z.string() })),
  fields: z.array(fieldSuggestionSchema),
});
export type TableSuggestion = z.infer<typeof tableSuggestionSchema>;

/**
 * A mapping suggestion, v1: for every target field, the best source column and ranked alternatives.
 * A draft for a person to review, never a contract by itself (see `toDraftContract`).
 */
export const mappingSuggestionSchema = z.object({
  version: z.literal(1),
  sourceCatalog: z.string(),
  targetCatalog: z.string(),
  generatedAt: z.string().optional(),
  /** True when value profiles informed the scores. */
  usedProfile: z.boolean(),
  minConfidence: confidence,
  counts: z.object({
    targetTables: z.number().int(),
    matchedTables: z.number().int(),
    targetFields: z.number().int(),
    suggestedFields: z.number().int(),
  }),
  tables: z.array(tableSuggestionSchema),
});
export type MappingSuggestion = z.infer<typeof mappingSuggestionSchema>;
