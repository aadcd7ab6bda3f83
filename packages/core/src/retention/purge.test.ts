import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../lifecycle/run-record.js';
import { RunStore } from '../lifecycle/run-store.js';
import { appendPurgeRecord, executePurge, purgeRecordSchema } from './purge-executor.js';
import { planPurge } from './purge-plan.js';
import { retentionPolicySchema } from './retention-policy.js';
import { purgeRecordPath, runStoreCandidates } from './run-store-candidates.js';

const now = new Date('2026-06-30T12:00:00.000Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

function record(runId: string, finishedAt: string | undefined): RunRecord {
  return {
    version: 1,
    runId,
    startedAt: finishedAt ?? daysAgo(0),
    ...(finishedAt ? { finishedAt } : {}),
    arguments: {
      pack: 'nhs-pas',
      source: { kind: 'generated', patients: 3, seed: 1, defects: 'none' },
      releaseProfile: 'development',
      target: 'pglite:x',
    },
    versions: { ferry: '0', node: '22', pack: '0' },
    sourceDir: 'x',
    stages: [],
    outcome: finishedAt ? 'PASS' : 'RUNNING',
  };
}

describe('purge by retention', () => {
  let dir: string;
  let store: RunStore;

  async function run(runId: string, finishedAt: string | undefined): Promise<void> {
    await store.save(record(runId, finishedAt));
    for (const stage of ['generate', 'migrate', 'evidence']) {
      await mkdir(join(store.stageDir(runId, stage), 'source'), { recursive: true });
      await writeFile(join(store.stageDir(runId, stage), 'source', 'PATIENT.csv'), 'PAT_ID\n1\n2\n');
      await writeFile(join(store.stageDir(runId, stage), 'a.json'), '{}');
    }
  }
  const left = async (runId: string) => (await readdir(store.runDir(runId))).sort();

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ferry-purge-'));
    store = new RunStore(dir);
    await run('run-a', daysAgo(45));
    await run('run-b', daysAgo(31));
    await run('run-c', daysAgo(5));
    await run('run-d', undefined);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('removes exactly what retention says: extracts 30 days after the gate decision, run folders after 40, evidence kept', async () => {
    const policy = retentionPolicySchema.parse({ version: 1, extractDays: 30, runFolderDays: 40 });
    // run-b was decided at the gate 10 days ago: its extract counts from then, not from its end.
    const plan = planPurge(policy, await runStoreCandidates(store, new Map([['run-b', daysAgo(10)]])), now);
    const removed = await executePurge(plan, now);
    expect(removed.map((r) => `${r.owner} ${r.kind} ${r.files} files ${r.bytes} bytes`)).toEqual([
      'run-a extract 2 files 13 bytes',
      'run-a run_folder 2 files 13 bytes',
    ]);
    expect(await left('run-a')).toEqual(['evidence', 'run.json']);
    expect(await left('run-b')).toEqual(['evidence', 'generate', 'migrate', 'run.json']);
    expect(await left('run-c')).toEqual(['evidence', 'generate', 'migrate', 'run.json']);
    expect(await left('run-d')).toEqual(['evidence', 'generate', 'migrate', 'run.json']);
    expect(plan.find((v) => v.owner === 'run-b' && v.kind === 'extract')).toMatchObject({
      anchorKind: 'gate_decision',
      due: new Date(Date.parse(daysAgo(10)) + 30 * 86_400_000).toISOString(),
      purge: false,
    });
    expect(plan.filter((v) => v.kind === 'evidence').every((v) => !v.purge && v.due === undefined)).toBe(true);
    expect(plan.some((v) => v.owner === 'run-d')).toBe(false);
  });

  it('records what it removed in the run folder, appending on later purges', async () => {
    const first = retentionPolicySchema.parse({ version: 1, extractDays: 40 });
    const removed = await executePurge(planPurge(first, await runStoreCandidates(store), now), now);
    await appendPurgeRecord(purgeRecordPath(store, 'run-a'), removed);
    const later = new Date(now.getTime() + 86_400_000);
    const second = retentionPolicySchema.parse({ version: 1, extractDays: null, evidenceDays: 0 });
    const more = (await executePurge(planPurge(second, await runStoreCandidates(store), later), later)).filter(
      (r) => r.owner === 'run-a',
    );
    await appendPurgeRecord(purgeRecordPath(store, 'run-a'), more);
    const rec = purgeRecordSchema.parse(JSON.parse(await readFile(purgeRecordPath(store, 'run-a'), 'utf8')));
    expect(rec.purged.map((p) => [p.kind, p.path, p.purgedAt])).toEqual([
      ['extract', 'generate', now.toISOString()],
      ['evidence', 'evidence', later.toISOString()],
    ]);
    expect(await left('run-a')).toEqual(['migrate', 'purge-record.json', 'run.json']);
  });

  it('keeps everything under the default policy within 30 days, and refuses a candidate without a time', async () => {
    const plan = planPurge(retentionPolicySchema.parse({ version: 1 }), await runStoreCandidates(store), now);
    expect(plan.filter((v) => v.purge).map((v) => `${v.owner} ${v.kind}`)).toEqual(['run-a extract', 'run-b extract']);
    expect(() =>
      planPurge(
        retentionPolicySchema.parse({ version: 1 }),
        [{ kind: 'extract', owner: 'f', path: 'p', anchor: 'soon', anchorKind: 'uploaded' }],
        now,
      ),
    ).toThrow(/no valid time/);
    expect(() => retentionPolicySchema.parse({ version: 1, extractDays: -1 })).toThrow();
    expect(() => retentionPolicySchema.parse({ version: 1, keepForever: true })).toThrow();
  });
});
