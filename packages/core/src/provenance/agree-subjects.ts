import { FerryError } from '../errors.js';
import type { ReportSubject } from './report-subject.js';

/** What one report says it is about; a part it does not name (an older version of the report) is null. */
export interface SubjectClaim {
  /** How to name the report in a message, e.g. `quality report out/quality_report.json`. */
  report: string;
  jobId: string;
  contractHash: string | null;
  sourceFingerprint: string | null;
}

/** The subject the reports agree on; parts no report names are null. */
export type AgreedSubject = Omit<ReportSubject, 'contractHash'> & { contractHash: string | null };

export interface AgreedSubjects {
  subject: AgreedSubject;
  /** What could not be verified (a report that does not name its contract or source), one line each. */
  unverified: string[];
}

const parts = [
  ['jobId', 'job', 'jobs'],
  ['contractHash', 'contract hash', 'contracts'],
  ['sourceFingerprint', 'source fingerprint', 'source extracts'],
] as const;

/**
 * Checks that reports given together are about the same job, contract and source extract. A part two reports name
 * differently is an error naming both reports and both values (FERRY_ERR_REPORT_MISMATCH). A part a report does not
 * name cannot be verified: an error too, unless `acceptUnverified` (then it is listed in `unverified`).
 *
 * @example
 * agreeSubjects([{ report: 'quality report q.json', ...q.subject }, { report: 'migration report m.json', ... }], { acceptUnverified: false })
 */
export function agreeSubjects(claims: readonly SubjectClaim[], options: { acceptUnverified: boolean }): AgreedSubjects {
  const first = claims[0];
  if (!first) throw new FerryError('FERRY_ERR_REPORT_MISMATCH', 'No report was given');
  const subject: AgreedSubject = { jobId: first.jobId, contractHash: null, sourceFingerprint: null };
  const unverified: string[] = [];
  for (const [key, label, plural] of parts) {
    let named: SubjectClaim | undefined;
    for (const claim of claims) {
      const value = claim[key];
      if (value === null) {
        unverified.push(`${claim.report} does not name its ${label}`);
        continue;
      }
      if (named && named[key] !== value) {
        throw new FerryError(
          'FERRY_ERR_REPORT_MISMATCH',
          `Reports about different ${plural}: ${named.report} is about ${label} ${named[key]}, ${claim.report} about ${value}`,
          { field: key },
        );
      }
      named ??= claim;
    }
    if (named) subject[key] = named[key] as string;
  }
  if (unverified.length && !options.acceptUnverified) {
    throw new FerryError(
      'FERRY_ERR_REPORT_MISMATCH',
      `Cannot verify that the reports are about one job, contract and source: ${unverified.join('; ')} (a report, or a load, made by an older Ferry). Rerun ferry migrate and ferry check, or gate at development, which accepts it with a warning`,
      { field: 'subject' },
    );
  }
  return { subject, unverified };
}
