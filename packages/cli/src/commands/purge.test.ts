import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunStore } from '@ferry/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFerry } from '../testing/run-ferry.js';

describe('ferry purge', () => {
  let dir: string;
  let store: RunStore;
  const finished = (runId: string, finishedAt: string) =>
    store.save({
      version: 1,
      runId,
      startedAt: finishedAt,
      finishedAt,
      arguments: {
        pack: 'nhs-pas',
        source: { kind: 'generated', patients: 3, seed: 1, defects: 'none' },
        releaseProfile: 'development',
        target: 'pglite:x',
      },
      versions: { ferry: '0', node: '22', pack: '0' },
      sourceDir: 'x',
      stages: [],
      outcome: 'PASS',
    });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ferry-cli-purge-'));
    store = new RunStore(dir);
    for (const [id, at] of [
      ['run-old', '2026-01-01T00:00:00.000Z'],
      ['run-new', '2026-03-01T00:00:00.000Z'],
    ] as const) {
      await finished(id, at);
      for (const stage of ['generate', 'profile', 'evidence']) {
        await mkdir(store.stageDir(id, stage), { recursive: true });
        await writeFile(join(store.stageDir(id, stage), 'x.csv'), 'a\n');
      }
    }
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('lists what is due on a dry run and removes nothing', async () => {
    const r = await runFerry('purge', '--out', dir, '--now', '2026-03-15T00:00:00Z', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('  run-old extract    due (dry run)\n  1 due, 0 removed, 5 kept\n');
    expect((await readdir(store.runDir('run-old'))).sort()).toEqual(['evidence', 'generate', 'profile', 'run.json']);
  });

  it('removes exactly what the policy says and records it in the run folder', async () => {
    const policy = join(dir, 'retention.json');
    await writeFile(policy, JSON.stringify({ version: 1, extractDays: 10, runFolderDays: 60 }));
    const r = await runFerry('purge', '--out', dir, '--policy', policy, '--now', '2026-03-15T00:00:00Z', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.removed.map((x: { owner: string; kind: string }) => `${x.owner} ${x.kind}`)).toEqual([
      'run-old extract',
      'run-old run_folder',
      'run-new extract',
    ]);
    expect((await readdir(store.runDir('run-old'))).sort()).toEqual(['evidence', 'purge-record.json', 'run.json']);
    expect((await readdir(store.runDir('run-new'))).sort()).toEqual([
      'evidence',
      'profile',
      'purge-record.json',
      'run.json',
    ]);
    const record = JSON.parse(await readFile(join(store.runDir('run-new'), 'purge-record.json'), 'utf8'));
    expect(record.purged).toEqual([
      expect.objectContaining({ kind: 'extract', path: 'generate', files: 1, bytes: 2, anchorKind: 'run_finished' }),
    ]);
  });

  it('refuses a bad policy or day count with a clear error', async () => {
    const policy = join(dir, 'retention.json');
    await writeFile(policy, JSON.stringify({ version: 1, extractDays: 'soon' }));
    const bad = await runFerry('purge', '--out', dir, '--policy', policy);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/retention policy is invalid: extractDays/);
    const days = await runFerry('purge', '--out', dir, '--extract-days', 'ten');
    expect(days.stderr).toMatch(/--extract-days must be a whole number of days or 'keep'/);
    expect((await readdir(store.runDir('run-old'))).sort()).toEqual(['evidence', 'generate', 'profile', 'run.json']);
  });
});
