import { cp, mkdir, rm } from 'node:fs/promises';
import { CsvSourceConnector } from '../connectors/csv/csv-source-connector.js';
import { openSourceSpec, redactSourceSpec } from '../connectors/source-connector-registry.js';
import { canonicalJson, sha256Hex } from '../contract/canonical-json.js';
import { contractHash } from '../contract/contract-hash.js';
import { assertLockedForCutover } from '../contract/contract-lock.js';
import type { MappingContract } from '../contract/contract-model.js';
import { CrosswalkIndex } from '../crosswalk/crosswalk-index.js';
import { FerryError } from '../errors.js';
import { retireDirectory } from '../evidence/atomic-directory.js';
import { publishEvidencePackage } from '../evidence/evidence-package.js';
import { assertContractLoadable } from '../mapping/contract-load-refusal.js';
import { registerPackExtensions } from '../pack/pack-registry.js';
import { type FileLock, lockDatabaseUrl } from '../store/file-lock.js';
import { redactUrl } from '../store/postgres-database.js';
import type { LifecycleContext, LifecycleOptions, PackArtefacts } from './lifecycle-context.js';
import { type LifecycleStage, lifecycleStages, stageIndex } from './lifecycle-stages.js';
import type { RunRecord, StageRecord } from './run-record.js';
import { closeRunSource } from './run-source.js';
import { RunStore } from './run-store.js';
import { assertSourceFitsContract, sourceTablesOf } from './source-contract-fit.js';
import { meterStage } from './stage-meter.js';
import { checkStage } from './stages/check-stage.js';
import { evidenceStage, sealEvidence } from './stages/evidence-stage.js';
import { gateStage } from './stages/gate-stage.js';
import { generateStage } from './stages/generate-stage.js';
import { mapStage } from './stages/map-stage.js';
import { migrateStage } from './stages/migrate-stage.js';
import { profileStage } from './stages/profile-stage.js';
import { reconcileStage } from './stages/reconcile-stage.js';
import { assertJobLive } from './target-jobs.js';

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
    options.sourceCatalog ?? pack.sourceCatalog(),
    pack.targetCatalog(),
    pack.crosswalks(),
    options.contract ?? pack.contract(),
  ]);
  if (options.requireLockedContract) assertLockedForCutover(contract, options.releaseProfile);
  const crosswalkIndex = new CrosswalkIndex(crosswalks);
  // A contract that cannot load against this source catalog is refused before the run writes anything, naming the
  // rows to fix; a run from a later stage would otherwise load with it unchecked.
  assertContractLoadable(
    contract,
    { sourceCatalog, targetCatalog, crosswalkCodeTypes: crosswalkIndex.codeTypes() },
    options.contractRows,
  );
  return { sourceCatalog, targetCatalog, crosswalks, crosswalkIndex, contract };
}

/** A folder source must hold every table and column the contract reads; a gap is refused before the run starts. */
async function checkSourceFolder(dir: string, contract: MappingContract): Promise<void> {
  assertSourceFitsContract(contract, await sourceTablesOf(await CsvSourceConnector.open(dir)));
}

/** A connector source the same: every table and column the contract reads, checked before the run starts. */
async function checkConnectorSource(spec: string, contract: MappingContract): Promise<void> {
  const source = await openSourceSpec(spec);
  try {
    assertSourceFitsContract(contract, await sourceTablesOf(source));
  } finally {
    await source.close();
  }
}

/**
 * With `from`, the current run (the latest, or the one restored) lends this run its artefacts of the stages before
 * `from`.
 */
async function reuseEarlierStages(
  store: RunStore,
  record: RunRecord,
  from: LifecycleStage,
  to: LifecycleStage = 'evidence',
): Promise<RunRecord> {
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
  if (
    fromIndex > stageIndex('migrate') &&
    previous.contract &&
    record.contract &&
    previous.contract.hash !== record.contract.hash
  ) {
    // Checks, gate and reconciliation of a load must use the contract it was loaded with.
    throw new FerryError(
      'FERRY_ERR_USAGE',
      `--from ${from} reuses the load of run ${previous.runId}, made with another contract (${previous.contract.label}, ` +
        `${previous.contract.hash.slice(0, 12)}); give the same contract, or rerun from migrate`,
    );
  }
  for (const stage of lifecycleStages.slice(0, fromIndex)) {
    const was = previous.stages.find((s) => s.stage === stage);
    if (!was || was.status === 'Error' || was.status === 'NotExecuted') {
      if (stage === 'generate' && previous.arguments.source.kind !== 'generated') continue;
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
  // A later run may have replaced that load in the target (or it was rolled back): its rows are gone, and the stages
  // that read them (check, reconcile) cannot run on it.
  const readsTarget = lifecycleStages
    .slice(fromIndex, stageIndex(to) + 1)
    .some((s) => s === 'check' || s === 'reconcile');
  if (fromIndex > stageIndex('migrate') && previous.jobId && readsTarget) {
    await assertJobLive(record.arguments.target, previous.jobId, previous.runId);
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
  registerPackExtensions(options.pack);
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
    await store.repairEvidence();
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
  if (source.kind === 'folder' && !options.from) await checkSourceFolder(source.dir, pack.contract);
  if (source.kind === 'connector' && !options.from) await checkConnectorSource(source.spec, pack.contract);
  let record: RunRecord = {
    version: 1,
    runId,
    startedAt: started.toISOString(),
    arguments: {
      pack: options.pack.name,
      // A database URL's password never reaches the record.
      source: source.kind === 'connector' ? { kind: 'connector', spec: redactSourceSpec(source.spec) } : source,
      releaseProfile: options.releaseProfile,
      // A database URL's password never reaches the record (an artefact, in the evidence package).
      target: /^postgres(ql)?:/.test(options.target) ? redactUrl(options.target) : options.target,
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
    ...(options.sourceCatalog
      ? {
          sourceCatalog: {
            name: pack.sourceCatalog.name,
            hash: sha256Hex(canonicalJson(pack.sourceCatalog)),
          },
        }
      : {}),
    stages: lifecycleStages.map((stage): StageRecord => ({ stage, status: 'NotExecuted' })),
    outcome: 'RUNNING',
  };
  await mkdir(store.runDir(runId), { recursive: true });
  if (options.from) record = await reuseEarlierStages(store, record, options.from, options.to);

  const ctx: LifecycleContext = {
    options,
    store,
    record,
    pack,
    dir: (stage) => store.stageDir(runId, stage),
    progress: (stage, done, total, label) => options.onEvent?.({ type: 'stage-progress', stage, done, total, label }),
  };
  try {
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
      // Beside the record (not in it): the stage under way, for `runs list` to name if the process dies in it.
      await store.recordProcess(runId, stage);
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
    try {
      // The package's lifecycle_run.json is this final record (evidence Success, finishedAt, outcome).
      await sealEvidence(ctx);
    } catch (e) {
      const entry = ctx.record.stages.find((s) => s.stage === 'evidence')!;
      entry.status = 'Error';
      entry.error = e instanceof FerryError ? e.describe() : 'internal error';
      ctx.record.outcome = 'ERROR';
      await save();
      throw e;
    }
    await save();
    // OUT/evidence is replaced in one step: it holds the previous package whole until this one is complete.
    if (partial) await retireDirectory(store.evidenceDir);
    else await publishEvidencePackage(ctx.dir('evidence'), store.evidenceDir);
    return { record: ctx.record, runDir: store.runDir(runId), evidenceDir: store.evidenceDir };
  } finally {
    // A database source's snapshot ends with the run (a cancelled stage may still hold it until it stops).
    await closeRunSource(ctx);
  }
}
