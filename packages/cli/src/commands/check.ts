import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type Catalog,
  type CheckDefinition,
  contractHash,
  FerryError,
  groupCodeSets,
  type MappingContract,
  openDatabase,
  openTargetDatabase,
  type Pack,
  parseCodeSetsCsv,
  type QualityReport,
  readCatalogCsv,
  resolveChecks,
  runChecks,
  writeIssuesCsv,
  writeQualityReportJson,
} from '@ferry/core';
import type { Command } from 'commander';
import { loadPack } from '../packs.js';
import { StageProgress } from '../progress.js';
import { action, intOption } from '../run-command.js';
import { readContractAny } from './contract-inputs.js';

interface CheckFlags {
  target: string;
  contract?: string;
  targetCatalog?: string;
  job: string;
  pack: string;
  checks?: string;
  codeSets?: string;
  asOf?: string;
  offendingLimit: number;
  out: string;
  json?: boolean;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new FerryError('FERRY_ERR_NOT_FOUND', 'File cannot be read', { file: path }, { cause: e });
  }
}

async function readChecksFile(path: string): Promise<CheckDefinition[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readText(path));
  } catch (e) {
    if (e instanceof FerryError) throw e;
    throw new FerryError('FERRY_ERR_CHECK_INVALID', 'File is not valid JSON', { file: path }, { cause: e });
  }
  return resolveChecks(json, path).map((c) => c.def);
}

function printSummary(report: QualityReport, out: string, issues: number): void {
  const w = (s: string) => process.stdout.write(`${s}\n`);
  w(
    `Quality of job ${report.jobId} as of ${report.asOfDate}: ${report.totals.checksRun} checks run, ${report.totals.checksNotRun} not run`,
  );
  for (const k of report.kpis) {
    w(
      `  ${k.domain.padEnd(8)} checks ${String(k.checksRun).padStart(4)}  with failures ${String(k.checksWithFailures).padStart(3)}  error checks failing ${String(k.errorChecksWithFailures).padStart(3)}  rows passed ${(k.passedRowsShare * 100).toFixed(2)}%`,
    );
  }
  const failing = report.checks.filter((c) => c.numerator > 0);
  if (failing.length) w('  failing checks:');
  for (const c of failing)
    w(`    ${c.severity.padEnd(7)} ${c.id}: ${c.numerator} of ${c.denominator} (${(c.rate * 100).toFixed(2)}%)`);
  for (const c of report.checks.filter((x) => !x.executed)) w(`    not run ${c.id}: ${c.notRunReason}`);
  w(`  quality_report.json and issues.csv (${issues} rows) in ${out}`);
}

/** The contract and target catalog a CSV target is read back with (a database target needs neither). */
async function csvTargetInputs(
  flags: CheckFlags,
  pack: Pack,
): Promise<{ contract: MappingContract; targetCatalog: Catalog; contractHash: string }> {
  const [contract, targetCatalog] = await Promise.all([
    flags.contract ? readContractAny(flags.contract) : pack.contract(),
    flags.targetCatalog ? readCatalogCsv(flags.targetCatalog) : pack.targetCatalog(),
  ]);
  return { contract, targetCatalog, contractHash: contractHash(contract) };
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description(
      "Run the pack's quality checks on the rows one job loaded into a database target (raw numbers; the gate judges)",
    )
    .option('--target <url>', 'pglite:PATH, postgres://URL or csv:DIR', 'pglite:.ferry/target')
    .requiredOption('--job <id>', 'the job whose rows are checked')
    .option('--pack <name>', 'pack giving the checks and the national code sets', 'nhs-pas')
    .option('--contract <file>', "contract (JSON or CSV) a csv: target was written with (default: the pack's)")
    .option('--target-catalog <file>', "target catalog CSV of a csv: target (default: the pack's)")
    .option('--checks <file>', "check definitions JSON (default: the pack's)")
    .option('--code-sets <file>', "code sets CSV code_type,code,label,retired (default: the pack's)")
    .option(
      '--as-of <date>',
      'extract date yyyy-mm-dd that ages and "not in the future" are measured at (default: today)',
    )
    .option(
      '--offending-limit <n>',
      'offending rows kept per check (counts are always exact)',
      intOption('--offending-limit'),
      1000,
    )
    .requiredOption('--out <dir>', 'folder for quality_report.json and issues.csv')
    .option('--json', 'print the quality report as JSON')
    .action(
      action(async (flags: CheckFlags) => {
        const pack = loadPack(flags.pack);
        const [checks, codeSets] = await Promise.all([
          flags.checks ? readChecksFile(flags.checks) : pack.qualityChecks(),
          flags.codeSets ? readText(flags.codeSets).then((t) => parseCodeSetsCsv(t, flags.codeSets!)) : pack.codeSets(),
        ]);
        const asOfDate = flags.asOf ?? new Date().toISOString().slice(0, 10);
        // A CSV target is staged into an in-memory PGlite with its lineage, by the contract that wrote it.
        const db = flags.target.startsWith('csv:')
          ? await openTargetDatabase(flags.target, { jobId: flags.job, ...(await csvTargetInputs(flags, pack)) })
          : await openDatabase(flags.target);
        const progress = new StageProgress(!flags.json);
        progress.start('check', checks.length);
        try {
          const report = await runChecks(db, checks, {
            jobId: flags.job,
            asOfDate,
            codeSets: groupCodeSets(codeSets),
            offendingLimit: flags.offendingLimit,
            // Checks from a file are not the pack's: the gate then needs --pack to pick thresholds.
            ...(flags.checks ? {} : { pack: pack.name }),
            onProgress: (done, total, id) => progress.update(done, total, id),
          });
          progress.stop();
          await writeQualityReportJson(report, join(flags.out, 'quality_report.json'));
          const issues = await writeIssuesCsv(report, join(flags.out, 'issues.csv'));
          if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
          else printSummary(report, flags.out, issues);
          return 0;
        } finally {
          progress.fail();
          await db.close();
        }
      }),
    );
}
