import { z } from 'zod';

export const checkSeverities = ['error', 'warning', 'info'] as const;
export type CheckSeverity = (typeof checkSeverities)[number];

export const checkDimensions = ['completeness', 'validity', 'uniqueness', 'integrity', 'plausibility'] as const;

/**
 * A declarative quality check over loaded target tables. `kind` selects one check implementation
 * in `quality/checks/`; `params` are that kind's parameters (validated by the kind).
 */
export const checkDefinitionSchema = z.object({
  id: z.string().min(1),
  domain: z.string().min(1),
  dimension: z.enum(checkDimensions),
  severity: z.enum(checkSeverities),
  description: z.string(),
  table: z.string().min(1),
  kind: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default({}),
});
export type CheckDefinition = z.infer<typeof checkDefinitionSchema>;
