import { z } from 'zod';

export const checkSeverities = ['error', 'warning', 'info'] as const;
export type CheckSeverity = (typeof checkSeverities)[number];

export const checkDimensions = ['completeness', 'validity', 'uniqueness', 'integrity', 'plausibility'] as const;
export type CheckDimension = (typeof checkDimensions)[number];

/**
 * A declarative quality check over loaded target tables. `kind` selects one check implementation
 * in `quality/checks/`; `params` are that kind's parameters (validated by the kind).
 *
 * @example
 * checkDefinitionSchema.parse({
 *   id: 'pmi.nhs_number.mod11', domain: 'PMI', dimension: 'validity', severity: 'error',
 *   description: 'NHS number passes Modulus 11', table: 'LOAD_PMI', kind: 'nhs_number_valid',
 *   params: { column: 'NHS_NUMBER' },
 * });
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
  /** The table's primary key column, reported as the target key of offending rows. Default `RECORD_NUMBER`. */
  keyColumn: z.string().min(1).optional(),
  /**
   * Free labels the gate reads. `patient_chain` marks an integrity check on a link of the patient chain
   * (referral -> patient, episode -> spell, ...): a break there is a blocking reason of its own.
   */
  tags: z.array(z.string().min(1)).optional(),
});
export type CheckDefinition = z.infer<typeof checkDefinitionSchema>;

/** The tag that puts an integrity check on the patient chain (see the gate). */
export const patientChainTag = 'patient_chain';

/** The primary key column a check reports as target key. */
export function checkKeyColumn(def: CheckDefinition): string {
  return def.keyColumn ?? 'RECORD_NUMBER';
}
