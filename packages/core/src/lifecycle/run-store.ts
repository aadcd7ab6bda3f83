import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FerryError } from '../errors.js';
import { type RunRecord, runRecordSchema } from './run-record.js';

/**
 * Lifecycle runs kept under `OUT/runs/<run-id>/`, each with its artefacts, one folder per stage.
 * `OUT/evidence/` holds the evidence of the current run (the latest, or the one restored).
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

  async save(record: RunRecord): Promise<void> {
    await mkdir(this.runDir(record.runId), { recursive: true });
    await writeFile(join(this.runDir(record.runId), 'run.json'), `${JSON.stringify(record, null, 2)}\n`);
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

  /** Makes a run's evidence the current evidence (`OUT/evidence/`). */
  async restore(runId: string): Promise<RunRecord> {
    const record = await this.load(runId);
    const from = this.stageDir(runId, 'evidence');
    try {
      await readdir(from);
    } catch (e) {
      throw new FerryError(
        'FERRY_ERR_ARTEFACT_MISSING',
        `Run '${runId}' has no evidence package to restore`,
        { file: from },
        { cause: e },
      );
    }
    await rm(this.evidenceDir, { recursive: true, force: true });
    await cp(from, this.evidenceDir, { recursive: true });
    return record;
  }
}
