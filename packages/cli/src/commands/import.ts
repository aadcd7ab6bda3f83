import {
  completeImport,
  createImport,
  importPath,
  importRejectGroups,
  loadDatabaseConfig,
  openPlatformDatabase,
  practiceJobView,
  rollbackImport,
  shippedPacks,
  systemImportContext,
} from '@ferry/server';
import type { Command } from 'commander';
import { action, exitCodes, intOption } from '../run-command.js';

interface ImportFlags {
  company: string;
  sourceSystem?: string;
  preset?: string;
  batchSize: number;
  skipDuplicates?: boolean;
  continueOnError?: boolean;
  json?: boolean;
}

const write = (s: string) => process.stdout.write(s);

export function registerImport(program: Command): void {
  program
    .command('import <record-type> <path>')
    .description(
      "Import a practice's export into a company (an organisation of the platform database: DATABASE_URL, or the " +
        'embedded .ferry/platform) as one job: a CSV or Excel (.xlsx) file, or a folder of them. <record-type> is ' +
        "patients, examinations, prescriptions, dispenses, ... (see GET /api/migration-presets), or 'all' to tell each " +
        "file's type from its name or header. Every record is kept with its file and line; rejects are grouped by " +
        'reason. Exit 1 when the job stopped at a bad record (without --continue-on-error) or rejected any',
    )
    .requiredOption('--company <id>', 'the company (organisation id) the records belong to')
    .option('--source-system <name>', 'the outgoing system: optix, occuco, acuity')
    .option('--preset <name>', 'a preset: optical:optix, or optix-patients')
    .option('--batch-size <n>', 'records per transaction', intOption('--batch-size'), 1000)
    .option('--skip-duplicates', 'skip a record the company already holds (default: reject it)')
    .option('--continue-on-error', 'reject bad records and go on (default: stop at the first batch with one)')
    .option('--json', 'print the job as JSON')
    .action(
      action(async (recordType: string, path: string, flags: ImportFlags) => {
        const db = await openPlatformDatabase(loadDatabaseConfig(process.env).databaseUrl, { poolSize: 2 });
        try {
          const ctx = systemImportContext(db, flags.company, shippedPacks.asMap(), 'cli');
          const created = await createImport(ctx, {
            companyId: flags.company,
            ...(flags.preset ? { preset: flags.preset } : {}),
            ...(flags.sourceSystem ? { sourceSystem: flags.sourceSystem } : {}),
            ...(recordType !== 'all' ? { recordType } : {}),
            batchSize: Math.max(1, flags.batchSize),
            skipDuplicates: flags.skipDuplicates === true,
            continueOnError: flags.continueOnError === true,
          });
          if (!flags.json) write(`Import job ${created.jobId} (${created.preset}) for company ${flags.company}\n`);
          const started = Date.now();
          let job = await importPath(ctx, created.jobId, path, (file, c) => {
            if (!flags.json)
              process.stderr.write(`  ${file}: ${c.read} read, ${c.imported} imported, ${c.rejected} rejected\n`);
          });
          if (job.status === 'open') job = await completeImport(ctx, created.jobId);
          const view = practiceJobView(job);
          const rejects = await importRejectGroups(ctx, job.id, 5);
          const seconds = (Date.now() - started) / 1000;
          if (flags.json) write(`${JSON.stringify({ ...view, rejects, seconds })}\n`);
          else {
            const c = view.counts;
            write(
              `${view.status}: ${c.read} read, ${c.imported} imported, ${c.skipped} skipped, ${c.rejected} rejected` +
                `${c.outOfScope ? `, ${c.outOfScope} out of scope` : ''} in ${seconds.toFixed(1)} s\n`,
            );
            if (view.error) write(`${view.error}\n`);
            for (const g of rejects) {
              write(`  ${g.reasonCode} ${g.count}: ${g.description}\n`);
              for (const r of g.rows)
                write(`    ${r.sourceFile} line ${r.sourceLine} ${r.recordType} ${r.key} ${r.field}\n`);
            }
            write(`Roll back with: ferry import-rollback ${view.jobId} --company ${flags.company}\n`);
          }
          return view.status === 'failed' || view.counts.rejected > 0 ? exitCodes.gateBlocked : exitCodes.ok;
        } finally {
          await db.close();
        }
      }),
    );
  program
    .command('import-rollback <job>')
    .description('Roll a practice import job back: exactly its records go, in its company only (row-level security)')
    .requiredOption('--company <id>', 'the company (organisation id) of the job')
    .option('--json', 'print the job as JSON')
    .action(
      action(async (jobId: string, flags: { company: string; json?: boolean }) => {
        const db = await openPlatformDatabase(loadDatabaseConfig(process.env).databaseUrl, { poolSize: 1 });
        try {
          const ctx = systemImportContext(db, flags.company, shippedPacks.asMap(), 'cli');
          const view = practiceJobView(await rollbackImport(ctx, jobId));
          if (flags.json) write(`${JSON.stringify(view)}\n`);
          else write(`Rolled back import job ${view.jobId}: ${view.removed} records removed\n`);
          return exitCodes.ok;
        } finally {
          await db.close();
        }
      }),
    );
}
