import { z } from 'zod';
import { idSchema } from '../schemas.js';

/** Which run's extract coverage is measured on (default: the project's newest finished run with one). */
export const coverageRunQuery = z.object({ runId: idSchema.optional() });

export const codeTypeCoverageSchema = z.object({
  codeType: z.string(),
  columns: z.array(
    z.object({ table: z.string(), column: z.string(), targetTable: z.string(), targetColumn: z.string() }),
  ),
  approvedEntries: z.number().int(),
  values: z.number().int(),
  mappedValues: z.number().int(),
  distinctCodes: z.number().int(),
  mappedCodes: z.number().int(),
  valueCoverage: z.number(),
  codeCoverage: z.number(),
  unmappedCodes: z.number().int(),
  unmappedValues: z.number().int(),
});

export const coverageSchema = z.object({
  runId: z.string(),
  contractHash: z.string(),
  crosswalkHash: z.string(),
  totals: z.object({
    codeTypes: z.number().int(),
    values: z.number().int(),
    mappedValues: z.number().int(),
    unmappedValues: z.number().int(),
    unmappedCodes: z.number().int(),
    invalidValues: z.number().int(),
    outOfScopeValues: z.number().int(),
  }),
  codeTypes: z.array(codeTypeCoverageSchema),
  problems: z.array(z.string()),
});

export const suggestionSchema = z.object({
  targetCode: z.string(),
  targetLabel: z.string(),
  /** Label similarity in [0, 1]: the suggestion's confidence. */
  score: z.number(),
  basis: z.enum(['national label', 'approved mapping']),
  matchedLabel: z.string(),
  reason: z.string(),
});

export const unmappedCodeSchema = z.object({
  codeType: z.string(),
  code: z.string(),
  count: z.number().int(),
  seenIn: z.array(z.object({ table: z.string(), column: z.string(), count: z.number().int() })),
  entryStatus: z.enum(['draft', 'reviewed', 'approved', 'rejected']).optional(),
  label: z.string().optional(),
  labelFrom: z.string().optional(),
  suggestions: z.array(suggestionSchema),
});
