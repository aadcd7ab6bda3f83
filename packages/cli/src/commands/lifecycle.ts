import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  defectLevels,
  FerryError,
  isLifecycleStage,
  type LifecycleSource,
  lifecycleStages,
  parseSourceSpec,
  readCatalogCsv,
  releaseProfiles,
  runLifecycle,
  whereTheDataWent,
} from '@ferry/core';
import { type Command, Option } from 'commander';
import { signalExitCodes } from '../error-translation.js';
import { cliLog } from '../log-file.js';
import { csvSourcePath, sourceKindsHelp } from '../pack-inputs.js';
import { loadPack } from '../packs.js';
import { rowsSummary, StageProgress } from '../progress.js';
import { action, exitCodes, intOption } from '../run-command.js';
import { stopSignal } from '../stop-signals.js';
import { ferryVersion } from '../version.js';
import { readContractWithRows } from './contract-inputs.js';

interface LifecycleFlags {
  pack: string;
  source?: string;
  patients?: number;
  seed: number;
  defects: (typeof defectLevels)[number];
  releaseProfile: (typeof releaseProfiles)[number];
  target: string;
  out: string;
  from?: string;
  to?: string;
  asOf?: string;
  batchSize?: number;
  contract?: string;
  sourceCatalog?: string;
  requireLockedContract?: boolean;
  json?: boolean;
}

function sourceOf(flags: LifecycleFlags): LifecycleSource | undefined {
  if (flags.source && flags.patients !== undefined) {
    throw new FerryError('FERRY_ERR_USAGE', 'Give either --source DIR or --patients N, not both');
  }
  if (flags.source) {
    // A CSV folder stays a folder source; any other registered kind runs through its connector.
    const { type } = parseSourceSpec(flags.source);
    return type.kind === 'csv'
      ? { kind: 'folder', dir: csvSourcePath(flags.source) }
      : { kind: 'connector', spec: flags.source };
  }
  if (flags.patients !== undefined) {
    if (flags.patients < 1) throw new FerryError('FERRY_ERR_USAGE', '--patients must be at least 1');
    return { kind: 'generated', patients: flags.patients, seed: flags.seed, defects: flags.defects };
  }
  if (flags.from) return undefined;
  throw new FerryError(
    'FERRY_ERR_USAGE',
    'Give a source: --source DIR (a folder of CSV files) or --patients N (a synthetic cohort)',
  );
}

interface GateSummary {
  outcome: string;
  blocking?: { code: string; message: string }[];
}

export function registerLifecycle(program: Command): void {
  program
    .command('lifecycle')
    .description('Run the whole migration lifecycle: profile, map, migrate, check, gate, reconcile, evidence')
    .requiredOption('--pack <name>', 'migration pack, e.g. nhs-pas')
    .option(
      '--source <KIND:...>',
      `the legacy source: a folder of CSV files (csv:DIR, or DIR), or ${sourceKindsHelp()}`,
    )
    .option(
      '--source-catalog <file>',
      "the source's own catalog CSV (e.g. from `ferry catalog draft`) when it is not the pack's source layout",
    )
    .option('--patients <n>', 'generate a synthetic cohort of N patients instead', intOption('--patients'))
    .option('--seed <s>', 'seed of the synthetic cohort', intOption('--seed'), 1)
    .addOption(
      new Option('--defects <level>', 'defects injected into the synthetic cohort')
        .choices(defectLevels)
        .default('none'),
    )
    .addOption(
      new Option('--release-profile <profile>', 'release gate profile').choices(releaseProfiles).makeOptionMandatory(),
    )
    .option('--target <url>', 'pglite:PATH, postgres://URL or csv:DIR', 'pglite:.ferry/target')
    .requiredOption('--out <dir>', 'folder for runs and the evidence package')
    .addOption(
      new Option('--from <stage>', "rerun from this stage, reusing the latest run's earlier artefacts").choices(
        lifecycleStages.filter((s) => s !== 'generate'),
      ),
    )
    .addOption(
      new Option('--to <stage>', 'stop after this stage (with --from STAGE --to STAGE: run one stage alone)').choices(
        lifecycleStages,
      ),
    )
    .option('--as-of <date>', 'date ages and future dates are measured at (yyyy-mm-dd)')
    .option('--batch-size <n>', 'rows per load chunk', intOption('--batch-size'))
    .option(
      '--contract <file>',
      "load with this contract, JSON or CSV (e.g. from `ferry map --contract-out`; default: the pack's reviewed one)",
    )
    .option('--require-locked-contract', 'at cutover_ready, refuse a contract version that is not locked')
    .option('--json', 'print one JSON summary object on stdout')
    .action(
      action(async (flags: LifecycleFlags) => {
        const source = sourceOf(flags);
        const pack = loadPack(flags.pack);
        if (flags.sourceCatalog && !flags.contract) {
          throw new FerryError(
            'FERRY_ERR_USAGE',
            "--source-catalog needs --contract: the pack's contract is written for the pack's own source layout",
          );
        }
        const located = flags.contract ? await readContractWithRows(flags.contract) : undefined;
        const progress = new StageProgress(!flags.json);
        const stop = stopSignal();
        const stageCount = lifecycleStages.length;
        let result: Awaited<ReturnType<typeof runLifecycle>>;
        try {
          result = await runLifecycle({
            pack,
            source,
            releaseProfile: flags.releaseProfile,
            target: flags.target,
            outDir: flags.out,
            from: flags.from && isLifecycleStage(flags.from) ? flags.from : undefined,
            to: flags.to && isLifecycleStage(flags.to) ? flags.to : undefined,
            asOfDate: flags.asOf,
            batchSize: flags.batchSize,
            contract: located?.contract,
            contractRows: located?.rows,
            sourceCatalog: flags.sourceCatalog ? await readCatalogCsv(flags.sourceCatalog) : undefined,
            requireLockedContract: flags.requireLockedContract,
            versions: { ferry: ferryVersion },
            signal: stop.signal,
            onEvent: (e) => {
              if (e.type === 'run-start') {
                // Each run keeps its own log beside its artefacts, for support.
                cliLog.add(join(e.runDir, 'ferry.log'));
                cliLog.write('info', `lifecycle run ${e.runId}${e.reusedFrom ? ` (reusing ${e.reusedFrom})` : ''}`);
              } else if (e.type === 'stage-start') {
                cliLog.write('info', `stage ${e.stage} started`);
                progress.start(`[${lifecycleStages.indexOf(e.stage) + 1}/${stageCount}] ${e.stage}`, 1);
              } else if (e.type === 'stage-progress') progress.update(e.done, e.total, e.label);
              else if (e.type === 'stage-end') {
                const rows = rowsSummary(e.rows, e.stage);
                cliLog.write(
                  'info',
                  `stage ${e.stage} ${e.status}${e.ms !== undefined ? ` in ${e.ms} ms` : ''}${rows ? `, ${rows}` : ''}`,
                );
                if (e.status === 'Success') progress.stop(rows);
                else if (e.status === 'Error') progress.fail();
                else progress.note(`${e.stage} reused from the earlier run`);
              } else if (e.type === 'run-cancelled') {
                progress.fail();
                cliLog.write('warn', `cancelled by ${e.signal}${e.stage ? ` in stage ${e.stage}` : ''}`);
              }
            },
          });
        } finally {
          stop.done();
          progress.fail();
        }
        const { record, evidenceDir } = result;
        if (record.outcome === 'PARTIAL') {
          const ran = record.stages.filter((s) => s.status === 'Success').map((s) => s.stage);
          if (flags.json) {
            process.stdout.write(
              `${JSON.stringify({ gate: record.outcome, release_gate: record.gate?.outcome ?? null, stages_run: ran, run_id: record.runId, job_id: record.jobId })}\n`,
            );
          } else {
            process.stdout.write(
              `Ferry lifecycle ${record.runId}: ran ${ran.join(', ') || 'no stage'}; stopped after ${flags.to}` +
                `${record.gate ? `; release gate ${record.gate.outcome}` : ''}; outcome PARTIAL (no evidence package)\n` +
                whereTheDataWent(record)
                  .map((l) => `  ${l}\n`)
                  .join(''),
            );
          }
          return lifecycleExitCode(record.outcome);
        }
        const gate = JSON.parse(await readFile(join(evidenceDir, 'release_gate_report.json'), 'utf8')) as GateSummary;
        const s = record.summary!;
        if (flags.json) {
          process.stdout.write(
            `${JSON.stringify({
              gate: record.outcome,
              release_gate: gate.outcome,
              reconciliation: s.reconciliation,
              profile: flags.releaseProfile,
              source_rows: s.sourceRows,
              loaded_rows: s.loadedRows,
              rejected_rows: s.rejectedRows,
              out_of_scope_rows: s.outOfScopeRows,
              issues: s.issues,
              evidence: evidenceDir,
              run_id: record.runId,
              job_id: record.jobId,
              target: flags.target,
              replaced_jobs: record.targetJobs?.replaced ?? [],
              other_jobs: record.targetJobs?.others ?? [],
            })}\n`,
          );
        } else {
          const n = (x: number) => x.toLocaleString('en-GB');
          const lines = [
            `Ferry lifecycle ${record.runId}: pack ${flags.pack}, profile ${flags.releaseProfile}, target ${flags.target}`,
            `  source rows ${n(s.sourceRows)}: loaded ${n(s.loadedRows)}, rejected ${n(s.rejectedRows)}, out of scope ${n(s.outOfScopeRows)}`,
            `  quality issues ${n(s.issues)}; reconciliation ${s.reconciliation}`,
            `  release gate ${gate.outcome}${gate.blocking?.length ? `: ${gate.blocking.length} blocking reason(s)` : ''}`,
            ...(gate.blocking ?? []).slice(0, 8).map((b) => `    - ${b.code}: ${b.message}`),
            ...((gate.blocking?.length ?? 0) > 8
              ? [`    ... and ${gate.blocking!.length - 8} more in release_gate_report.json`]
              : []),
            `  outcome ${record.outcome}`,
            ...whereTheDataWent(record).map((l) => `  ${l}`),
            `  evidence: ${evidenceDir} (summary.html and summary.pdf for the board; manifest.json lists each file's sha256)`,
          ];
          process.stdout.write(`${lines.join('\n')}\n`);
        }
        return lifecycleExitCode(record.outcome);
      }),
    );
}

/**
 * The exit code of a finished lifecycle: 0 when it passed or stopped where asked (PARTIAL), 1 when the gate blocks
 * or the reconciliation does not match. (A run that fails exits 2 for a user error and 3 for an internal one.)
 */
export function lifecycleExitCode(outcome: 'PASS' | 'FAIL' | 'PARTIAL' | 'ERROR' | 'RUNNING' | 'CANCELLED'): number {
  if (outcome === 'PASS' || outcome === 'PARTIAL') return exitCodes.ok;
  if (outcome === 'FAIL') return exitCodes.gateBlocked;
  // A run records CANCELLED only when it stops on a signal; it then ends with that signal's code (130 or 143).
  if (outcome === 'CANCELLED') return signalExitCodes.SIGINT;
  return exitCodes.internal;
}
