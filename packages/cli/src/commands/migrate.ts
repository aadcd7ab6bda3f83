import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  assertSourceFitsContract,
  type CsvDelimiter,
  CsvSourceConnector,
  contractHash,
  deriveJobId,
  FerryError,
  type OnDuplicate,
  openLoadTarget,
  parseSourceSpec,
  RejectsFile,
  releaseProfiles,
  runMigration,
  type SourceConnector,
  sourceFingerprint,
  sourceTablesOf,
} from '@ferry/core';
import { type Command, Option } from 'commander';
import { delimiterOption } from '../csv-delimiter-option.js';
import { csvSourcePath, loadPackInputs, type PackInputFlags, type PackInputs } from '../pack-inputs.js';
import { StageProgress } from '../progress.js';
import { action, intOption } from '../run-command.js';
import { migrateQueued, type QueueFlags } from './migrate-queued.js';
import { policyTables, writeMigrationReport } from './migration-report-output.js';

export interface MigrateFlags extends PackInputFlags, QueueFlags {
  source: string;
  target: string;
  job?: string;
  resume?: string;
  batchSize?: number;
  workers: number;
  releaseProfile: (typeof releaseProfiles)[number];
  onDuplicate?: OnDuplicate;
  encoding: 'auto' | 'utf-8' | 'windows-1252' | 'latin1';
  delimiter: 'auto' | CsvDelimiter;
  out?: string;
  json?: boolean;
}

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Load a source into a target with a mapping contract (one job; rejects and a conservation report)')
    .option('--pack <name>', 'pack giving the contract, target catalog and crosswalks', 'nhs-pas')
    .option('--contract <file>', "contract JSON or CSV (default: the pack's reviewed contract)")
    .option(
      '--source-catalog <file>',
      "the source's catalog CSV: the contract is checked against it first, and refused naming the rows to fix",
    )
    .option('--target-catalog <file>', "target catalog CSV (default: the pack's)")
    .option('--crosswalks <file>', "crosswalks CSV (default: the pack's)")
    .requiredOption(
      '--source <spec>',
      'csv:DIR (a folder of CSV files), or any --source kind of ferry lifecycle (json:DIR, xlsx:FILE, dump:LAYOUT, postgres://, mysql://)',
    )
    .addOption(
      new Option(
        '--encoding <encoding>',
        'source file encoding (auto: decided per file from the whole file: UTF-8, else Windows-1252; a mix is refused)',
      )
        .choices(['auto', 'utf-8', 'windows-1252', 'latin1'])
        .default('auto'),
    )
    .addOption(delimiterOption())
    .option('--target <url>', 'pglite:PATH, postgres://URL or csv:DIR', 'pglite:.ferry/target')
    .option('--job <id>', 'job id (default: derived from contract, source and profile, so reruns replace their rows)')
    .option('--resume <id>', 'finish an interrupted job: keep its committed chunks, load the rest')
    .addOption(
      new Option(
        '--on-duplicate <policy>',
        "rows whose natural key (e.g. NHS number) is already in the target or earlier in the job: 'skip' them, " +
          "'update' the row holding the key (last one wins; rollback restores it) or 'reject' them",
      ).choices(['skip', 'update', 'reject']),
    )
    .option('--batch-size <n>', 'rows per chunk (one transaction each)', intOption('--batch-size'), 5000)
    .option(
      '--workers <n>',
      'threads that parse and map the source (1: all in the main thread); chunks still commit in order, one transaction each',
      intOption('--workers'),
      1,
    )
    .addOption(
      new Option('--release-profile <profile>', 'release profile (imputation rules)')
        .choices(releaseProfiles)
        .default('pre_production'),
    )
    .option('--out <dir>', 'folder for migration_report.json and rejects.csv (default .ferry/jobs/<job>)')
    .option('--json', 'print the migration report as JSON')
    .option('--queue', 'queue the chunks for `ferry worker` processes instead of loading here (postgres:// target)')
    .option('--queue-schema <name>', 'schema of the graphile-worker queue in the target database', 'graphile_worker')
    .option('--no-wait', 'with --queue: return once the chunks are queued, without waiting for the workers')
    .action(
      action(async (flags: MigrateFlags) => {
        const inputs = await loadPackInputs(flags);
        const spec = parseSourceSpec(flags.source);
        if (flags.queue && spec.type.kind !== 'csv') {
          throw new FerryError(
            'FERRY_ERR_USAGE',
            `--queue reads csv:DIR sources (its workers open the files by path); load a ${spec.type.label} source in this process (--workers N)`,
          );
        }
        // A CSV folder with the encoding and delimiter flags; any other --source kind through the registry.
        const source =
          spec.type.kind === 'csv'
            ? await CsvSourceConnector.open(csvSourcePath(flags.source), {
                encoding: flags.encoding,
                delimiter: flags.delimiter,
              })
            : await spec.type.open(spec.settings);
        try {
          return await migrateFrom(flags, inputs, source);
        } finally {
          await source.close();
        }
      }),
    );
}

/** The in-process or queued load of a source opened for it. */
async function migrateFrom(flags: MigrateFlags, inputs: PackInputs, source: SourceConnector): Promise<number> {
  // Every table and column the contract reads must be there: all gaps are listed before anything loads.
  assertSourceFitsContract(inputs.contract, await sourceTablesOf(source));
  if (flags.resume && flags.job && flags.resume !== flags.job) {
    throw new FerryError('FERRY_ERR_USAGE', '--job and --resume name different jobs');
  }
  const fingerprint = await sourceFingerprint(source);
  const jobId =
    flags.resume ?? flags.job ?? deriveJobId(contractHash(inputs.contract), fingerprint, flags.releaseProfile);
  const out = flags.out ?? join('.ferry', 'jobs', jobId);
  await mkdir(out, { recursive: true });
  if (flags.queue && flags.workers > 1) {
    throw new FerryError(
      'FERRY_ERR_USAGE',
      '--workers sets threads of an in-process load; with --queue, run more `ferry worker` processes',
    );
  }
  if (flags.queue) return migrateQueued(flags, inputs, jobId, out);
  const target = await openLoadTarget(flags.target);
  const rejects = await RejectsFile.open(join(out, 'rejects.csv'));
  const progress = new StageProgress(!flags.json);
  progress.start('migrate', inputs.contract.tables.length);
  try {
    const report = await runMigration({
      jobId,
      contract: inputs.contract,
      source,
      targetCatalog: inputs.targetCatalog,
      crosswalks: inputs.crosswalkIndex,
      releaseProfile: flags.releaseProfile,
      target,
      rejects,
      batchSize: flags.batchSize,
      workers: flags.workers,
      mode: flags.resume ? 'resume' : 'fresh',
      sourceFingerprint: fingerprint,
      onDuplicate: flags.onDuplicate,
      onProgress: (e) => progress.update(e.tableIndex, e.tableCount, e.table),
    });
    // Events name the table being loaded; once the job is done, every table is.
    progress.update(inputs.contract.tables.length, inputs.contract.tables.length);
    progress.stop(
      `${report.totals.read.toLocaleString('en-GB')} rows read, ${report.totals.loaded.toLocaleString('en-GB')} loaded`,
    );
    // The rejects file is complete (or its failure, naming it, stops here) before the report says where it is.
    await rejects.close();
    return await writeMigrationReport(report, {
      out,
      json: flags.json,
      into: target.description,
      policyTables: policyTables(inputs.contract, flags.onDuplicate),
    });
  } finally {
    progress.fail();
    // On a failure the first error is the one reported; the target is closed (its lock freed) whatever happens.
    await rejects.close().catch(() => {});
    await target.close();
  }
}
