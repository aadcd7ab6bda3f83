import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openTargetReader, readRejectedKeys, reconcileJob, releaseProfiles, sourceFingerprint } from '@ferry/core';
import { type Command, Option } from 'commander';
import { loadPackInputs, openCliSource, type PackInputFlags } from '../pack-inputs.js';
import { action } from '../run-command.js';

interface ReconcileFlags extends PackInputFlags {
  source: string;
  target: string;
  job: string;
  rejects?: string;
  releaseProfile: (typeof releaseProfiles)[number];
  out: string;
  json?: boolean;
}

export function registerReconcile(program: Command): void {
  program
    .command('reconcile')
    .description('Compare source and target per table and per patient: counts and content hashes of mapped fields')
    .option('--pack <name>', 'pack giving the contract, target catalog and crosswalks', 'nhs-pas')
    .option('--contract <file>', "contract JSON or CSV (default: the pack's reviewed contract)")
    .option('--target-catalog <file>', "target catalog CSV (default: the pack's)")
    .option('--crosswalks <file>', "crosswalks CSV (default: the pack's)")
    .requiredOption('--source <spec>', 'the source the job loaded: csv:DIR, or any --source kind of ferry lifecycle')
    .option('--target <url>', 'pglite:PATH, postgres://URL or csv:DIR', 'pglite:.ferry/target')
    .requiredOption('--job <id>', 'the job to reconcile')
    .option('--rejects <file>', "the job's rejects.csv (rows it rejected are expected to be absent)")
    .addOption(
      new Option('--release-profile <profile>', 'release profile the job ran with')
        .choices(releaseProfiles)
        .default('pre_production'),
    )
    .requiredOption('--out <dir>', 'folder for reconciliation_report.json')
    .option('--json', 'print the report as JSON')
    .action(
      action(async (flags: ReconcileFlags) => {
        const inputs = await loadPackInputs(flags);
        const source = await openCliSource(flags.source);
        const { reader, close } = await openTargetReader(flags.target).catch(async (e) => {
          await source.close();
          throw e;
        });
        try {
          const report = await reconcileJob({
            jobId: flags.job,
            contract: inputs.contract,
            source,
            targetCatalog: inputs.targetCatalog,
            crosswalks: inputs.crosswalkIndex,
            releaseProfile: flags.releaseProfile,
            target: reader,
            rejectedKeys: flags.rejects ? await readRejectedKeys(flags.rejects) : new Map(),
            sourceFingerprint: await sourceFingerprint(source),
          });
          await mkdir(flags.out, { recursive: true });
          await writeFile(join(flags.out, 'reconciliation_report.json'), `${JSON.stringify(report, null, 2)}\n`);
          if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
          else {
            for (const t of report.tables) {
              process.stdout.write(
                `  ${t.targetTable.padEnd(24)} expected ${t.expected} in target ${t.inTarget} matched ${t.matched} changed ${t.changed} missing ${t.missingInTarget} unexpected ${t.unexpectedInTarget}\n`,
              );
            }
            const p = report.patients;
            process.stdout.write(
              `  patients compared ${p.compared}, matched ${p.matched}, mismatched ${p.mismatched}\n  ${report.outcome}\n`,
            );
          }
          return report.outcome === 'MATCH' ? 0 : 1;
        } finally {
          await close();
          await source.close();
        }
      }),
    );
}
