import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256File } from '../evidence/evidence-package.js';
import { lifecycleStages } from './lifecycle-stages.js';
import type { RunRecord } from './run-record.js';
import { RunStore } from './run-store.js';

/** A finished run's record; `upTo` is the last stage it ran (the ones after are NotExecuted). */
function record(runId: string, startedAt: string, outcome: RunRecord['outcome'], upTo = 'evidence'): RunRecord {
  const last = lifecycleStages.indexOf(upTo as never);
  return {
    version: 1,
    runId,
    startedAt,
    arguments: { pack: 'mini', source: { kind: 'folder', dir: '/src' }, releaseProfile: 'development', target: 'x' },
    versions: { ferry: '0', node: 'v20', pack: 'mini@1' },
    sourceDir: '/src',
    stages: lifecycleStages.map((stage, i) => ({ stage, status: i <= last ? 'Success' : 'NotExecuted' })),
    outcome,
  };
}

/** A one-file evidence package naming its run, with its manifest. */
async function writePackage(dir: string, runId: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'run.txt'), runId);
  const manifest = { version: 1, files: { 'run.txt': await sha256File(join(dir, 'run.txt')) } };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
}

async function storeWith(...records: RunRecord[]): Promise<RunStore> {
  const store = new RunStore(await mkdtemp(join(tmpdir(), 'ferry-run-store-')));
  for (const r of records) {
    await store.save(r);
    if (r.stages.find((s) => s.stage === 'evidence')?.status === 'Success') {
      await writePackage(store.stageDir(r.runId, 'evidence'), r.runId);
    }
  }
  return store;
}

describe('RunStore snapshots', () => {
  const a = record('run-20260101-000000-aaaa', '2026-01-01T00:00:00.000Z', 'FAIL');
  const b = record('run-20260102-000000-bbbb', '2026-01-02T00:00:00.000Z', 'PASS');
  const partial = record('run-20260103-000000-cccc', '2026-01-03T00:00:00.000Z', 'PARTIAL', 'map');

  it('makes the latest run current until an earlier one is restored', async () => {
    const store = await storeWith(a, b);
    expect((await store.current())?.runId).toBe(b.runId);
    await store.restore(a.runId);
    expect((await store.current())?.runId).toBe(a.runId);
    expect(await readFile(join(store.evidenceDir, 'run.txt'), 'utf8')).toBe(a.runId);
    // A new run forgets the restore: the latest is current again.
    await store.forgetRestore();
    expect((await store.current())?.runId).toBe(b.runId);
  });

  it('restores a run that stopped before evidence as the current run, with no current evidence', async () => {
    const store = await storeWith(a, partial);
    await store.restore(a.runId);
    expect((await readdir(store.evidenceDir)).sort()).toEqual(['manifest.json', 'run.txt']);
    await store.restore(partial.runId);
    expect((await store.current())?.runId).toBe(partial.runId);
    await expect(readdir(store.evidenceDir)).rejects.toThrow(/ENOENT/);
  });

  it('refuses a run that has not finished, and an unknown run, leaving the current run as it was', async () => {
    const running = record('run-20260104-000000-dddd', '2026-01-04T00:00:00.000Z', 'RUNNING', 'profile');
    const store = await storeWith(a, b, running);
    await expect(store.restore(running.runId)).rejects.toMatchObject({
      code: 'FERRY_ERR_USAGE',
      message: expect.stringMatching(/has not finished/),
    });
    await expect(store.restore('run-nope')).rejects.toMatchObject({ code: 'FERRY_ERR_NOT_FOUND' });
    expect((await store.current())?.runId).toBe(running.runId);
  });

  it('falls back to the latest run when the restored run is gone or the pointer is unreadable', async () => {
    const store = await storeWith(a, b);
    await writeFile(join(store.outDir, 'current.json'), '{"version":1,"runId":"run-gone"}');
    expect((await store.current())?.runId).toBe(b.runId);
    await writeFile(join(store.outDir, 'current.json'), 'not json');
    expect((await store.current())?.runId).toBe(b.runId);
  });
});

describe('RunStore.repairEvidence', () => {
  const a = record('run-20260101-000000-aaaa', '2026-01-01T00:00:00.000Z', 'FAIL');
  const b = record('run-20260102-000000-bbbb', '2026-01-02T00:00:00.000Z', 'PASS');

  it("after a kill mid-replacement (no evidence folder, the old one aside, a half copy), publishes the current run's package", async () => {
    const store = await storeWith(a, b);
    await writePackage(join(store.outDir, '.evidence.old-0000aaaa'), a.runId);
    await mkdir(join(store.outDir, '.evidence.tmp-0000bbbb'));
    await writeFile(join(store.outDir, '.evidence.tmp-0000bbbb', 'run.txt'), 'half');
    await store.repairEvidence();
    expect(await readFile(join(store.evidenceDir, 'run.txt'), 'utf8')).toBe(b.runId);
    expect((await readdir(store.outDir)).sort()).toEqual(['evidence', 'runs']);
  });

  it("replaces a partial package (files missing, no manifest) with the current run's", async () => {
    const store = await storeWith(a, b);
    await mkdir(store.evidenceDir);
    await writeFile(join(store.evidenceDir, 'run.txt'), 'half');
    await store.repairEvidence();
    expect(await readFile(join(store.evidenceDir, 'run.txt'), 'utf8')).toBe(b.runId);
    expect((await readdir(store.evidenceDir)).sort()).toEqual(['manifest.json', 'run.txt']);
  });

  it('leaves the evidence alone while the latest run is still going', async () => {
    const running = record('run-20260103-000000-cccc', '2026-01-03T00:00:00.000Z', 'RUNNING', 'check');
    const store = await storeWith(a, running);
    await writePackage(store.evidenceDir, a.runId);
    await store.repairEvidence();
    expect(await readFile(join(store.evidenceDir, 'run.txt'), 'utf8')).toBe(a.runId);
  });
});

describe('RunStore.status', () => {
  const running = record('run-20260105-000000-eeee', '2026-01-05T00:00:00.000Z', 'RUNNING', 'profile');
  const exited = async (): Promise<number> => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await new Promise((r) => child.on('exit', r));
    return child.pid!;
  };
  const ranBy = async (store: RunStore, pid: number) =>
    writeFile(join(store.runDir(running.runId), 'process.json'), JSON.stringify({ pid, host: hostname() }));

  it('is RUNNING while the run holds the folder lock, INTERRUPTED once its process is gone or the lock is not its', async () => {
    const store = await storeWith(running);
    // A record that does not say its process cannot be judged.
    expect(await store.status(running)).toBe('RUNNING');
    const lock = await store.lock();
    try {
      // This process holds the lock, as a lifecycle running here would.
      await store.recordProcess(running.runId);
      expect(await store.status(running)).toBe('RUNNING');
      // A run recorded by another process than the lock's holder is not running any more.
      await ranBy(store, await exited());
      expect(await store.status(running)).toBe('INTERRUPTED');
    } finally {
      await lock.release();
    }
    // No lock held at all: whoever recorded RUNNING stopped without saying (SIGKILL, a crash).
    await ranBy(store, process.pid);
    expect(await store.status(running)).toBe('INTERRUPTED');
    // Finished runs keep their outcome.
    expect(await store.status(record('run-20260101-000000-aaaa', '2026-01-01T00:00:00.000Z', 'FAIL'))).toBe('FAIL');
  });
});
