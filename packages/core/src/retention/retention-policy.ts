import { z } from 'zod';

/** What retention applies to: a copy of a patient extract, a run's working folders, a run's evidence package. */
export const retentionKinds = ['extract', 'run_folder', 'evidence'] as const;
export type RetentionKind = (typeof retentionKinds)[number];

const days = z.number().int().min(0).max(36_500).nullable();

/**
 * How long an organisation keeps each kind of file, in whole days after its anchor (the gate decision on the run, or
 * the run's end when nobody decided): `null` keeps it. Defaults: extracts 30 days, run folders and evidence kept.
 */
export const retentionPolicySchema = z
  .object({
    version: z.literal(1),
    extractDays: days.default(30),
    runFolderDays: days.default(null),
    evidenceDays: days.default(null),
  })
  .strict();
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

export const defaultRetentionPolicy: RetentionPolicy = retentionPolicySchema.parse({ version: 1 });

/** The days a policy keeps a kind for, or null (kept). */
export function retentionDays(policy: RetentionPolicy, kind: RetentionKind): number | null {
  return kind === 'extract' ? policy.extractDays : kind === 'run_folder' ? policy.runFolderDays : policy.evidenceDays;
}
