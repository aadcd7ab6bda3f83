import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportFhirNdjson, type FhirExportCounts, type FhirExportOptions } from './fhir-export.js';
import { checkFhirNdjson, type FhirExportCheck } from './fhir-export-check.js';

/** What `ferry export fhir` writes beside the NDJSON files as `export_report.json`. */
export interface FhirExportReport {
  jobId: string;
  exportedAt: string;
  fhirVersion: '4.0.1';
  /** Per resource type: the job's rows in its LOAD tables, resources written, resources found on re-reading. */
  counts: Array<FhirExportCounts & { inFiles: number; reconciled: boolean }>;
  reconciled: boolean;
  check: FhirExportCheck;
  outcome: 'VALID' | 'INVALID';
}

/**
 * Exports a job to FHIR NDJSON, then re-reads the files to validate every resource and reconcile the counts with
 * the target's rows; writes `export_report.json` beside the files.
 */
export async function exportJobToFhir(options: FhirExportOptions & { now?: () => Date }): Promise<FhirExportReport> {
  const counts = await exportFhirNdjson(options);
  const check = await checkFhirNdjson(options.outDir);
  const withFiles = counts.map((c) => {
    const inFiles = check.byType[c.resourceType] ?? 0;
    return { ...c, inFiles, reconciled: c.targetRows === c.exported && c.exported === inFiles };
  });
  const reconciled = withFiles.every((c) => c.reconciled);
  const report: FhirExportReport = {
    jobId: options.jobId,
    exportedAt: (options.now?.() ?? new Date()).toISOString(),
    fhirVersion: '4.0.1',
    counts: withFiles,
    reconciled,
    check,
    outcome: reconciled && check.valid ? 'VALID' : 'INVALID',
  };
  await writeFile(join(options.outDir, 'export_report.json'), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}
