import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { FerryError } from '../errors.js';
import { recoverDirectory, retireDirectory } from '../evidence/atomic-directory.js';
import { publishEvidencePackage } from '../evidence/evidence-package.js';
import { FileLock, processAlive } from '../store/file-lock.js';
import { type RunRecord, runRecordSchema } from './run-record.js';

const runProcessSchema = z.object({ pid: z.number().int(), host: z.string(), stage: z.string().optional() });
/** The process that runs a run, and the stage it was last in. */
export type RunProcess = z.infer<typeof runProcessSchema>;

/** What `runs list` shows: a run's outcome, or INTERRUPTED for a RUNNING run whose process is gone. */
export type RunStatus = RunRecord['outcome'] | 'INTERRUPTED';

const currentRunSchema = z.object({ version: z.literal(1), runId: z.string() });

/**
 * Lifecycle runs kept under `OUT/runs/<run-id>/`, each with its artefacts, one folder per stage: each run is a
 * snapshot of what its stages produced. The current run is the latest, unless an earlier one was restored
 * (`OUT/current.json`); `OUT/evidence/` holds the current run's evidence, and a rerun from a stage (`from`) reuses
 * the current run's earlier artefacts.
 */
export class RunStore {
  constructor(readonly outDir: string) {}

  get runsDir(): string {
    return join(this.outDir, 'runs');
  }

  get evidenceDir(): string {
    return join(this.outDir, 'evidence');
  }

  runDir(runId: string): string {
    return join(this.runsDir, runId);
  }

  stageDir(runId: string, stage: string): string {
    return join(this.runDir(runId), stage);
  }

  /** A new run id: sortable by time, unique. */
  static newRunId(now: Date): string {
    const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    return `run-${stamp}-${Math.random().toString(16).slice(2, 6)}`;
  }

  /** Writes a run's record whole or not at all (written beside, then renamed), so a kill never leaves half a record. */
  async save(record: RunRecord): Promise<void> {
    await mkdir(this.runDir(record.runId), { recursive: true });
    const file = join(this.runDir(record.runId), 'run.json');
    const partial = `${file}.${process.pid}.${Math.random().toString(16).slice(2, 8)}.tmp`;
    await writeFile(partial, `${JSON.stringify(record, null, 2)}\n`);
    await rename(partial, file);
  }

  /**
   * Notes which process runs a run (`runs/<id>/process.json`: pid and host), beside its record rather than in it: the
   * record goes into the evidence, which names no machine. Written again at each stage's start with the stage, so
   * that a run whose process died says where it stopped.
   */
  async recordProcess(runId: string, stage?: string): Promise<void> {
    const owner: RunProcess = { pid: process.pid, host: hostname(), ...(stage ? { stage } : {}) };
    const file = join(this.runDir(runId), 'process.json');
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, `${JSON.stringify(owner)}\n`);
    await rename(partial, file);
  }

  /** The process that runs (or ran) a run, as it last noted itself; undefined when it did not. */
  async process(runId: string): Promise<RunProcess | undefined> {
    return readFile(join(this.runDir(runId), 'process.json'), 'utf8').then(
      (text) => runProcessSchema.safeParse(JSON.parse(text)).data,
      () => undefined,
    );
  }

  /**
   * What a run whose process ended without finishing it (INTERRUPTED) was doing: the stage it was in (if it had
   * started one) and its process. Undefined for a run that is not INTERRUPTED.
   */
  async interruption(
    record: RunRecord,
  ): Promise<{ stage: string | null; pid: number; host: string; reason: string } | undefined> {
    if ((await this.status(record)) !== 'INTERRUPTED') return undefined;
    const owner = await this.process(record.runId);
    if (!owner) return undefined;
    return {
      stage: owner.stage ?? null,
      pid: owner.pid,
      host: owner.host,
      reason: 'the process ended without finishing the run',
    };
  }

  /** The lock file a lifecycle (or a restore) holds on this folder while it writes in it. */
  get lockFile(): string {
    return join(this.outDir, 'lifecycle.lock');
  }

  /** Takes this folder's lock: one lifecycle (or restore) at a time writes runs and the current evidence. */
  lock(): Promise<FileLock> {
    return FileLock.acquire(this.lockFile, `the lifecycle folder ${this.outDir}`);
  }

  /**
   * A run's status: its recorded outcome, except that a RUNNING run is INTERRUPTED when its process no longer runs it
   * (the process is gone, or the folder's lock is not held by it: killed with SIGKILL, or the machine stopped).
   */
  async status(record: RunRecord): Promise<RunStatus> {
    if (record.outcome !== 'RUNNING') return record.outcome;
    const owner = await this.process(record.runId);
    if (!owner) return 'RUNNING'; // recorded by a version that did not say
    const holder = await FileLock.holder(this.lockFile).catch(() => undefined);
    if (!holder || holder.pid !== owner.pid || holder.host !== owner.host) return 'INTERRUPTED';
    if (owner.host === hostname() && !processAlive(owner.pid)) return 'INTERRUPTED';
    return 'RUNNING';
  }

  async load(runId: string): Promise<RunRecord> {
    let text: string;
    try {
      text = await readFile(join(this.runDir(runId), 'run.json'), 'utf8');
    } catch (e) {
      throw new FerryError(
        'FERRY_ERR_NOT_FOUND',
        `No run '${runId}' under ${this.runsDir}`,
        { file: this.runsDir },
        { cause: e },
      );
    }
    return runRecordSchema.parse(JSON.parse(text));
  }

  /** All runs, oldest first. */
  async list(): Promise<RunRecord[]> {
    let names: string[];
    try {
      names = (await readdir(this.runsDir)).filter((n) => n.startsWith('run-')).sort();
    } catch {
      return [];
    }
    const runs: RunRecord[] = [];
    for (const name of names) {
      try {
        runs.push(await this.load(name));
      } catch {
        // A run folder without a readable record (a run killed before its first save) is not listed.
      }
    }
    return runs.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.runId.localeCompare(b.runId));
  }

  async latest(): Promise<RunRecord | undefined> {
    const runs = await this.list();
    return runs[runs.length - 1];
  }

  private get currentFile(): string {
    return join(this.outDir, 'current.json');
  }

  /** The current run: the one restored last, or else the latest. */
  async current(): Promise<RunRecord | undefined> {
    const text = await readFile(this.currentFile, 'utf8').catch(() => undefined);
    let pointer: ReturnType<typeof currentRunSchema.safeParse> | undefined;
    try {
      pointer = text === undefined ? undefined : currentRunSchema.safeParse(JSON.parse(text));
    } catch {
      pointer = undefined; // an unreadable pointer is no restore: the latest run is current
    }
    if (pointer?.success) {
      const record = await this.load(pointer.data.runId).catch(() => undefined);
      if (record) return record;
    }
    return this.latest();
  }

  /** A new run becomes the current one: a restore no longer applies. */
  async forgetRestore(): Promise<void> {
    await rm(this.currentFile, { force: true });
  }

  /**
   * Restores a run's snapshot: the run becomes the current one, so a rerun from a stage reuses its artefacts (not
   * the latest run's), and its evidence package becomes the current evidence (`OUT/evidence/`; emptied when the run
   * stopped before evidence). A run still going (or killed before it finished) has no snapshot to restore.
   */
  async restore(runId: string): Promise<RunRecord> {
    const lock = await this.lock();
    try {
      return await this.restoreLocked(runId);
    } finally {
      await lock.release();
    }
  }

  private async restoreLocked(runId: string): Promise<RunRecord> {
    const record = await this.load(runId);
    if (record.outcome === 'RUNNING') {
      throw new FerryError(
        'FERRY_ERR_USAGE',
        `Run '${runId}' has not finished (it is running, or was interrupted); there is no snapshot to restore`,
      );
    }
    if (hasEvidence(record)) await publishEvidencePackage(this.stageDir(runId, 'evidence'), this.evidenceDir);
    else await retireDirectory(this.evidenceDir);
    await writeFile(this.currentFile, `${JSON.stringify({ version: 1, runId })}\n`);
    return record;
  }

  /**
   * Puts `OUT/evidence/` right after a process was killed while replacing it: removes unfinished copies beside it,
   * and makes it the current run's package again when it is missing or is not that package (its manifest differs).
   * A run still going is left alone. The lifecycle calls this before each run.
   */
  async repairEvidence(): Promise<void> {
    await recoverDirectory(this.evidenceDir);
    const current = await this.current();
    if (!current || current.outcome === 'RUNNING' || !hasEvidence(current)) return;
    const from = this.stageDir(current.runId, 'evidence');
    const want = await readFile(join(from, 'manifest.json'), 'utf8').catch(() => undefined);
    const have = await readFile(join(this.evidenceDir, 'manifest.json'), 'utf8').catch(() => undefined);
    if (want === undefined || want === have) return;
    try {
      await publishEvidencePackage(from, this.evidenceDir);
    } catch (e) {
      // The current run's own package is damaged (a file changed or gone): OUT/evidence stays as it was, and the
      // next run replaces it. `verifyEvidencePackage` on the run's folder names the damaged files.
      if (!(e instanceof FerryError)) throw e;
    }
  }
}

function hasEvidence(record: RunRecord): boolean {
  return record.stages.some((s) => s.stage === 'evidence' && (s.status === 'Success' || s.status === 'Reused'));
}
