import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { lifecycleStages, type RunRecord, RunStore } from '@ferry/core';
import { describe, expect, it } from 'vitest';
import { ferryBin, spawnFerry } from './testing/spawn-ferry.js';

const run = promisify(execFile);

/** Runs a shell pipeline; returns the exit status of each of its commands and what ferry wrote on stderr. */
async function pipeline(command: string): Promise<{ statuses: number[]; stderr: string }> {
  const { stdout, stderr } = await run('bash', [
    '-c',
    `set -o pipefail; ${command}; echo "\${PIPESTATUS[*]}" >&2`,
  ]).catch((e: { stdout: string; stderr: string }) => e);
  void stdout;
  const lines = stderr.trimEnd().split('\n');
  return { statuses: lines.pop()!.split(' ').map(Number), stderr: lines.join('\n') };
}

describe('the ferry process', () => {
  it('piped into `head`, exits quietly when the reader goes away (EPIPE): no stack trace, exit 0', {
    timeout: 120_000,
  }, async () => {
    // Enough runs that `runs list` writes well past what a pipe holds.
    const out = await mkdtemp(join(tmpdir(), 'ferry-epipe-'));
    const store = new RunStore(out);
    for (let i = 0; i < 1500; i++) {
      const runId = `run-20260101-000000-${String(i).padStart(4, '0')}`;
      const record: RunRecord = {
        version: 1,
        runId,
        startedAt: `2026-01-01T00:00:00.${String(i % 1000).padStart(3, '0')}Z`,
        arguments: {
          pack: 'nhs-pas',
          source: { kind: 'folder', dir: '/src' },
          releaseProfile: 'development',
          target: 'csv:x',
        },
        versions: { ferry: '0', node: 'v20', pack: 'p' },
        sourceDir: '/src',
        stages: lifecycleStages.map((stage) => ({ stage, status: 'Success' as const })),
        outcome: 'PASS',
        jobId: `job-${'x'.repeat(40)}`,
      };
      await mkdir(store.runDir(runId), { recursive: true });
      await writeFile(join(store.runDir(runId), 'run.json'), JSON.stringify(record));
    }
    const { statuses, stderr } = await pipeline(
      `${JSON.stringify(process.execPath)} ${JSON.stringify(ferryBin)} runs list --out ${JSON.stringify(out)} | head -1 >/dev/null`,
    );
    expect(stderr).toBe('');
    expect(statuses).toEqual([0, 0]);
  });

  it('an --out that cannot be a folder is exit 2 naming the path, not an internal error', {
    timeout: 120_000,
  }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-out-'));
    await writeFile(join(dir, 'file.txt'), 'not a folder');
    const out = join(dir, 'file.txt', 'out');
    const r = await spawnFerry([
      'lifecycle',
      '--pack',
      'nhs-pas',
      '--patients',
      '5',
      '--release-profile',
      'development',
      '--target',
      `csv:${join(dir, 'load')}`,
      '--out',
      out,
    ]).done;
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ferry: cannot create the folder ${out}: a part of the path is a file, not a folder\n`);
  });
});
