import { cp, mkdir, rm } from 'node:fs/promises';
import { contractHash } from '../contract/contract-hash.js';
import { assertLockedForCutover } from '../contract/contract-lock.js';
import { CrosswalkIndex } from '../crosswalk/crosswalk-index.js';
import { FerryError } from '../errors.js';
import { type FileLock, lockDatabaseUrl } from '../store/file-lock.js';
import type { LifecycleContext, LifecycleOptions, PackArtefacts } from './lifecycle-context.js';
import { type LifecycleStage, lifecycleStages, stageIndex } from './lifecycle-stages.js';
import type { RunRecord, StageRecord } from './run-record.js';
import { RunStore } from './run-store.js';
import { meterStage } from './stage-meter.js';
import { checkStage } from './stages/check-stage.js';
import { evidenceStage } from './stages/evidence-stage.js';
import { gateStage } from './stages/gate-stage.js';
import { generateStage } from './stages/generate-stage.js';
import { mapStage } from './stages/map-stage.js';
import { migrateStage } from './stages/migrate-stage.js';
import { profileStage } from './stages/profile-stage.js';
import { reconcileStage } from './stages/reconcile-stage.js';

type StageFn = (ctx: LifecycleContext) => Promise<{ rows?: number }>;

const stageFns: Record<LifecycleStage, StageFn> = {
  generate: generateStage,
  profile: profileStage,
  map: mapStage,
  migrate: migrateStage,
  check: checkStage,
  gate: gateStage,
  reconcile: reconcileStage,
  evidence: evidenceStage,
};

/** What a lifecycle run ends with: the run record and where its evidence is (empty for a PARTIAL run). */
export interface LifecycleResult {
  record: RunRecord;
  runDir: string;
  evidenceDir: string;
}

async function loadPackArtefacts(options: LifecycleOptions): Promise<PackArtefacts> {
  const { pack } = options;
  const [sourceCatalog, targetCatalog, crosswalks, contract] = await Promise.all([
    pack.sourceCatalog(),
    pack.targetCatalog(),
    pack.crosswalks(),
    options.contract ?? pack.contract(),
  ]);
  if (options.requireLockedContract) assertLockedForCutover(contract, options.releaseProfile);
  return { sourceCatalog, targetCatalog, crosswalks, crosswalkIndex: new CrosswalkIndex(crosswalks), contract };
}

/**
 * With `from`, the current run (the latest, or the one restored) lends this run its artefacts of the stages before
 * `from`.
 */
async function reuseEarlierStages(store: RunStore, record: RunRecord, from: LifecycleStage): Promise<RunRecord> {
  const previous = await store.current();
  if (!previous) {
    throw new FerryError(
      'FERRY_ERR_ARTEFACT_MISSING',
      `--from ${from} needs an earlier run under ${store.runsDir}; there is none`,
    );
  }
  if (previous.arguments.pack !== record.arguments.pack) {
    throw new FerryError(
      'FERRY_ERR_USAGE',
      `--from ${from}: the latest run (${previous.runId}) used pack ${previous.arguments.pack}`,
    );
  }
  const fromIndex = stageIndex(from);
  if (fromIndex > stageIndex('migrate') && previous.arguments.target !== record.arguments.target) {
    // Later stages read the rows the earlier load put in its target; another target does not hold them.
    throw new FerryError(
      'FERRY_ERR_USAGE',
      `--from ${from} reuses the load of run ${previous.runId}, which went into another target; rerun from migrate instead`,
    );
  }
  for (const stage of lifecycleStages.slice(0, fromIndex)) {
    const was = previous.stages.find((s) => s.stage === stage);
    if (!was || was.status === 'Error' || was.status === 'NotExecuted') {
      if (stage === 'generate' && previous.arguments.source.kind === 'folder') continue;
      const resumes =
        stage === 'migrate' ? ' (an interrupted load resumes where it stopped, keeping its committed chunks)' : '';
      throw new FerryError(
        'FERRY_ERR_ARTEFACT_MISSING',
        `--from ${from}: stage ${stage} did not complete in run ${previous.runId}, so it has no artefacts to reuse; rerun with --from ${stage}${resumes}`,
      );
    }
    // Generated source data stays where it is (it can be large); other artefacts are copied.
    if (stage !== 'generate')
      await cp(store.stageDir(previous.runId, stage), store.stageDir(record.runId, stage), { recursive: true });
  }
  return {
    ...record,
    arguments: {
      ...record.arguments,
      source: previous.arguments.source,
      reusedFrom: previous.runId,
      asOfDate: record.arguments.asOfDate ?? previous.arguments.asOfDate,
    },
    sourceDir: previous.sourceDir,
    jobId: fromIndex > stageIndex('migrate') ? previous.jobId : undefined,
    ...(fromIndex > stageIndex('gate') && previous.gate ? { gate: previous.gate } : {}),
    stages: record.stages.map((s) => (stageIndex(s.stage) < fromIndex ? { ...s, status: 'Reused' as const } : s)),
  };
}

/**
 * Runs the migration lifecycle: generate (synthetic cohorts) -> profile -> map -> migrate -> check -> gate ->
 * reconcile -> evidence, each stage writing its artefacts into `OUT/runs/<run-id>/<stage>/`, and the evidence package
 * into `OUT/evidence/`. The outcome is PASS only when the release gate passes and the reconciliation matches.
 *
 * @example
 * const { record } = await runLifecycle({ pack, source: { kind: 'generated', patients: 300, seed: 42, defects: 'typical' },
 *   releaseProfile: 'pre_production', target: 'pglite:.ferry/target', outDir: 'out/demo', versions: { ferry: '0.1.0' } });
 */
export async function runLifecycle(options: LifecycleOptions): Promise<LifecycleResult> {
  const now = options.now ?? (() => new Date());
  if (options.from && options.to && stageIndex(options.to) < stageIndex(options.from)) {
    throw new FerryError('FERRY_ERR_USAGE', `The last stage (${options.to}) comes before the first (${options.from})`);
  }
  const store = new RunStore(options.outDir);
  // One lifecycle at a time in a folder, and one process at a time in an embedded target, for the whole run.
  const outLock = await store.lock();
  let targetLock: FileLock | undefined;
  /** A stage still going when the run was cancelled: the target stays locked until it has stopped. */
  let straggler: Promise<unknown> | undefined;
  try {
    targetLock = await lockDatabaseUrl(options.target);
    return await runLocked(options, store, now, (p) => {
      straggler = p;
    });
  } finally {
    const release = async () => {
      await targetLock?.release();
      await outLock.release();
    };
    if (straggler) void straggler.then(release, release);
    else await release();
  }
}

async function runLocked(
  options: LifecycleOptions,
  store: RunStore,
  now: () => Date,
  leftRunning: (stage: Promise<unknown>) => void,
): Promise<LifecycleResult> {
  const started = now();
  const runId = RunStore.newRunId(started);
  const pack = await loadPackArtefacts(options);
  const source = options.source ?? (options.from ? (await store.current())?.arguments.source : undefined);
  if (!source) {
    throw new FerryError(
      'FERRY_ERR_USAGE',
      'Give a source: a folder of CSV files or a synthetic cohort (or --from with an earlier run)',
    );
  }
  let record: RunRecord = {
    version: 1,
    runId,
    startedAt: started.toISOString(),
    arguments: {
      pack: options.pack.name,
      source,
      releaseProfile: options.releaseProfile,
      target: options.target,
      ...(options.from ? { from: options.from } : {}),
      ...(options.to && options.to !== 'evidence' ? { to: options.to } : {}),
      ...(options.asOfDate ? { asOfDate: options.asOfDate } : {}),
    },
    versions: {
      ferry: options.versions.ferry,
      node: process.version,
      pack: `${pack.contract.name}@${pack.contract.label}`,
    },
    sourceDir: source.kind === 'folder' ? source.dir : '',
    contract: { name: pack.contract.name, label: pack.contract.label, hash: contractHash(pack.contract) },
    stages: lifecycleStages.map((stage): StageRecord => ({ stage, status: 'NotExecuted' })),
    outcome: 'RUNNING',
  };
  await mkdir(store.runDir(runId), { recursive: true });
  if (options.from) record = await reuseEarlierStages(store, record, options.from);

  const ctx: LifecycleContext = {
    options,
    store,
    record,
    pack,
    dir: (stage) => store.stageDir(runId, stage),
    progress: (stage, done, total, label) => options.onEvent?.({ type: 'stage-progress', stage, done, total, label }),
  };
  // Saves go one after another: a cancellation's record is never overwritten by an earlier save still under way.
  let saving: Promise<void> = Promise.resolve();
  const save = () => {
    const snapshot = structuredClone(ctx.record);
    saving = saving.then(
      () => store.save(snapshot),
      () => store.save(snapshot),
    );
    return saving;
  };
  const signal = options.signal;
  const cancel = async (stage: LifecycleStage | undefined): Promise<never> => {
    const reason = signal?.reason;
    const name = typeof reason === 'string' ? reason : 'abort';
    if (stage) ctx.record.stages.find((s) => s.stage === stage)!.status = 'Cancelled';
    ctx.record.outcome = 'CANCELLED';
    ctx.record.finishedAt = now().toISOString();
    ctx.record.cancelled = { signal: name, ...(stage ? { stage } : {}), at: ctx.record.finishedAt };
    await save();
    options.onEvent?.({ type: 'run-cancelled', stage, signal: name });
    throw new FerryError(
      'FERRY_ERR_CANCELLED',
      `Run ${runId} cancelled by ${name}${stage ? ` in stage ${stage}` : ''}; recorded as CANCELLED`,
      { signal: name, ...(stage ? { stage } : {}) },
    );
  };
  const aborted = new Promise<never>((_, reject) => {
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  aborted.catch(() => {});

  await save();
  await store.recordProcess(runId);
  await store.forgetRestore();
  options.onEvent?.({
    type: 'run-start',
    runId,
    runDir: store.runDir(runId),
    ...(ctx.record.arguments.reusedFrom ? { reusedFrom: ctx.record.arguments.reusedFrom } : {}),
  });

  const last = options.to ? stageIndex(options.to) : lifecycleStages.length - 1;
  for (const stage of lifecycleStages) {
    if (stageIndex(stage) > last) break;
    const entry = ctx.record.stages.find((s) => s.stage === stage)!;
    if (entry.status === 'Reused') {
      options.onEvent?.({ type: 'stage-end', stage, status: 'Reused' });
      continue;
    }
    if (stage === 'generate' && source.kind !== 'generated') continue;
    if (signal?.aborted) await cancel(stage);
    options.onEvent?.({ type: 'stage-start', stage });
    await rm(ctx.dir(stage), { recursive: true, force: true });
    await mkdir(ctx.dir(stage), { recursive: true });
    entry.startedAt = now().toISOString();
    const running = meterStage(() => stageFns[stage](ctx));
    try {
      const { result, ms, peakRssMb } = await Promise.race([running, aborted]);
      Object.assign(entry, { status: 'Success', ms, peakRssMb });
      if (result.rows !== undefined) {
        entry.rows = result.rows;
        entry.rowsPerSecond = ms > 0 ? Math.round((result.rows * 1000) / ms) : result.rows;
      }
      options.onEvent?.({ type: 'stage-end', stage, status: 'Success', ms, rows: result.rows });
    } catch (e) {
      if (signal?.aborted) {
        // The stage goes on until the process ends (or it finishes): its target stays locked meanwhile.
        leftRunning(running.catch(() => {}));
        await cancel(stage);
      }
      entry.status = 'Error';
      entry.error = e instanceof FerryError ? e.describe() : 'internal error';
      ctx.record.outcome = 'ERROR';
      ctx.record.finishedAt = now().toISOString();
      await save();
      options.onEvent?.({ type: 'stage-end', stage, status: 'Error' });
      throw e;
    }
    await save();
  }
  ctx.record.finishedAt = now().toISOString();
  const partial = last < stageIndex('evidence');
  if (partial) ctx.record.outcome = 'PARTIAL';
  await save();
  await rm(store.evidenceDir, { recursive: true, force: true });
  if (!partial) await cp(ctx.dir('evidence'), store.evidenceDir, { recursive: true });
  return { record: ctx.record, runDir: store.runDir(runId), evidenceDir: store.evidenceDir };
}
