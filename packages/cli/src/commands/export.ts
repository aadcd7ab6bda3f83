import { contractHash, openDatabase, openTargetDatabase } from '@ferry/core';
import { exportJobToFhir, type FhirExportReport } from '@ferry/pack-nhs-pas';
import type { Command } from 'commander';
import { loadPackInputs, type PackInputFlags } from '../pack-inputs.js';
import { action } from '../run-command.js';

interface ExportFhirFlags extends PackInputFlags {
  target: string;
  job: string;
  out: string;
  asOf?: string;
  identifierSystem: string;
  json?: boolean;
}

function printReport(report: FhirExportReport, out: string): void {
  process.stdout.write(`FHIR R4 NDJSON of job ${report.jobId} in ${out}\n`);
  for (const c of report.counts) {
    process.stdout.write(
      `  ${c.resourceType.padEnd(20)} ${String(c.exported).padStart(7)} resources from ${c.targetRows} rows of ${c.tables.join(', ')}${c.reconciled ? '' : '  (does not reconcile)'}\n`,
    );
  }
  const f = report.check.findingCounts;
  process.stdout.write(
    `  validation: ${report.check.resources} resources, ${f.r4} R4 errors, ${f['nhs-number']} bad NHS numbers, ${f.reference} unresolved references, ${f['duplicate-id']} duplicate ids, ${f.json} unreadable lines\n`,
  );
  for (const finding of report.check.findings.slice(0, 20)) {
    process.stdout.write(
      `  ${finding.file}:${finding.line} ${finding.resource} [${finding.kind}] ${finding.message}\n`,
    );
  }
  process.stdout.write(`  ${report.outcome}\n`);
}

export function registerExport(program: Command): void {
  const exportCommand = program.command('export').description('Export a migrated job in an interchange format');
  exportCommand
    .command('fhir')
    .description(
      "Write a job's LOAD tables as FHIR R4 Bulk Data NDJSON (one <Type>.ndjson per resource type), validate every " +
        'resource against R4 (and NHS numbers against their check digit), check every reference resolves within the ' +
        'export and reconcile the counts with the target; export_report.json beside the files. Exit 1 when invalid',
    )
    .option('--pack <name>', 'pack giving the target catalog (and contract, for a CSV target)', 'nhs-pas')
    .option('--contract <file>', "contract JSON or CSV (CSV targets only; default: the pack's)")
    .option('--target-catalog <file>', "target catalog CSV (default: the pack's)")
    .requiredOption('--target <url>', 'pglite:PATH, postgres://URL or csv:DIR')
    .requiredOption('--job <id>', 'the job to export')
    .requiredOption('--out <dir>', 'folder for the NDJSON files (emptied first)')
    .option('--as-of <yyyy-mm-dd>', 'the day alerts and allergies are judged active or ended on (default: today)')
    .option(
      '--identifier-system <uri>',
      'base of the identifier systems of local numbers (hospital number, spell number)',
      'urn:ferry:legpas:',
    )
    .option('--json', 'print the report as JSON')
    .action(
      action(async (flags: ExportFhirFlags) => {
        const inputs = await loadPackInputs(flags);
        const db = flags.target.startsWith('csv:')
          ? await openTargetDatabase(flags.target, {
              jobId: flags.job,
              contract: inputs.contract,
              targetCatalog: inputs.targetCatalog,
              contractHash: contractHash(inputs.contract),
            })
          : await openDatabase(flags.target);
        try {
          const report = await exportJobToFhir({
            db,
            jobId: flags.job,
            targetCatalog: inputs.targetCatalog,
            outDir: flags.out,
            build: {
              localSystemBase: flags.identifierSystem,
              ...(flags.asOf ? { asOf: flags.asOf } : {}),
            },
          });
          if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
          else printReport(report, flags.out);
          return report.outcome === 'VALID' ? 0 : 1;
        } finally {
          await db.close();
        }
      }),
    );
}
