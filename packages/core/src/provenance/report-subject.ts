import { z } from 'zod';

/**
 * What a report is about: the job, the contract it loaded with (its content hash) and the source it read (a sha256
 * over every source file's name and sha256, see `sourceFingerprint`). Every report of a job carries the same subject,
 * so that a gate can refuse reports of different jobs, contracts or extracts.
 * `sourceFingerprint` is null when the job's source was not recorded (a target loaded by a Ferry before 0.x recorded
 * it, or a job loaded from something other than files).
 *
 * @example
 * const subject: ReportSubject = { jobId: 'job-1a2b', contractHash: 'sha256…', sourceFingerprint: 'sha256…' };
 */
export const reportSubjectSchema = z.strictObject({
  jobId: z.string().min(1),
  contractHash: z.string().min(1),
  sourceFingerprint: z.string().min(1).nullable(),
});
export type ReportSubject = z.infer<typeof reportSubjectSchema>;
