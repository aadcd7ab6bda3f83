import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestSchema, postgresReachable } from '@ferry/core';
import { nhsPasPack } from '@ferry/pack-nhs-pas';
import { describe, expect, it } from 'vitest';
import { loadDigests } from '../testing/load-digests.js';

/**
 * Exactly once, tested the hard way: a real `ferry migrate` process is killed with SIGKILL at random moments, more
 * than once, then resumed; the target must equal a load that was never interrupted, row for row.
 * The spawned CLI is the built one (packages/cli/dist), which `npm install` builds.
 */
const pgUp = await postgresReachable();
const ferryBin = fileURLToPath(new URL('../../bin/ferry.js', import.meta.url));

function ferry(args: string[]): { child: ChildProcess; done: Promise<number | null> } {
  const child = spawn(process.execPath, [ferryBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.resume();
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const done = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) process.stderr.write(`ferry ${args[0]} exited ${code}: ${stderr}\n`);
      resolve(code);
    }),
  );
  return { child, done };
}

describe.runIf(pgUp)('ferry migrate --resume after kill -9', () => {
  // With worker threads the chunks are mapped elsewhere but still commit here, in order: a kill must lose nothing.
  it.each([1, 2])(
    'finishes the job with no missing and no duplicate row, whatever moments it was killed at (--workers %i)',
    {
      timeout: 240_000,
    },
    async (workers) => {
      const dir = await mkdtemp(join(tmpdir(), 'ferry-resume-'));
      await nhsPasPack.generate({ patients: 400, seed: 21, defects: 'typical', outDir: dir });
      const source = `csv:${join(dir, 'source')}`;
      const common = [
        '--pack',
        'nhs-pas',
        '--source',
        source,
        '--job',
        'job-resume',
        '--batch-size',
        '150',
        '--workers',
        String(workers),
        '--json',
      ];

      // The reference: the same job, never interrupted.
      const clean = await createTestSchema(`resume_clean_w${workers}`);
      const killed = await createTestSchema(`resume_killed_w${workers}`);
      try {
        const started = performance.now();
        expect(await ferry(['migrate', ...common, '--target', clean.url, '--out', join(dir, 'clean')]).done).toBe(0);
        // Kill moments are drawn within the time an uninterrupted load takes on this machine, now.
        const cleanMs = performance.now() - started;
        const want = await loadDigests(clean.url, 'job-resume');

        // Then the job is killed at random moments, three times, resuming each time.
        const moments: number[] = [];
        let kills = 0;
        let run = ferry(['migrate', ...common, '--target', killed.url, '--out', join(dir, 'killed')]);
        for (let i = 0; i < 3; i++) {
          const ms = Math.floor(cleanMs * (0.15 + Math.random() * 0.45));
          moments.push(ms);
          const finished = await Promise.race([
            run.done.then(() => true),
            new Promise<boolean>((r) => setTimeout(() => r(false), ms)),
          ]);
          if (finished) break;
          run.child.kill('SIGKILL');
          await run.done;
          kills++;
          run = ferry([
            'migrate',
            ...common,
            '--resume',
            'job-resume',
            '--target',
            killed.url,
            '--out',
            join(dir, 'killed'),
          ]);
        }
        expect(await run.done, `killed at ${moments.join(', ')} ms`).toBe(0);
        expect(kills, 'the load finished before it could be killed').toBeGreaterThanOrEqual(1);
        expect(await loadDigests(killed.url, 'job-resume')).toEqual(want);

        // The ledgers agree too: conservation holds for the resumed job as for the clean one.
        const report = async (d: string) => JSON.parse(await readFile(join(dir, d, 'migration_report.json'), 'utf8'));
        const [a, b] = [await report('clean'), await report('killed')];
        expect(b.tables).toEqual(a.tables);
        expect(b.balanced).toBe(true);
        expect(await readFile(join(dir, 'killed', 'rejects.csv'), 'utf8')).toBe(
          await readFile(join(dir, 'clean', 'rejects.csv'), 'utf8'),
        );
      } finally {
        await clean.drop();
        await killed.drop();
      }
    },
  );
});
