import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nhsPasPack } from '@ferry/pack-nhs-pas';
import { describe, expect, it } from 'vitest';
import { spawnFerry, waitUntil } from '../testing/spawn-ferry.js';

/**
 * A lifecycle stopped from outside: SIGINT and SIGTERM record the run as CANCELLED in the stage it was in (exit 130
 * and 143); SIGKILL cannot be caught, so `runs list` tells a killed run (its process gone) from a running one.
 */
async function setUp(patients = 40): Promise<{ dir: string; out: string; args: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-signals-'));
  await nhsPasPack.generate({ patients, seed: 8, defects: 'typical', outDir: dir });
  const out = join(dir, 'out');
  const args = [
    'lifecycle',
    '--pack',
    'nhs-pas',
    '--source',
    join(dir, 'source'),
    '--release-profile',
    'development',
    '--target',
    `csv:${join(dir, 'load')}`,
    '--out',
    out,
  ];
  return { dir, out, args };
}

async function onlyRun(out: string): Promise<string> {
  const runs = (await readdir(join(out, 'runs'))).filter((n) => n.startsWith('run-'));
  expect(runs).toHaveLength(1);
  return runs[0]!;
}

describe('ferry lifecycle stopped by a signal', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)(
    '%s: the run is recorded CANCELLED with the stage it stopped in, exit %i',
    {
      timeout: 180_000,
    },
    async (signal, exitCode) => {
      const { out, args } = await setUp();
      const run = spawnFerry(args);
      // Stopped once the profile stage is done and another has started (its progress line says so).
      let stderr = '';
      run.child.stderr?.on('data', (d) => {
        stderr += String(d);
      });
      await waitUntil('a stage after profile to start', () => /\[3\/8\] map started/.test(stderr));
      // The map stage matches the catalogs for seconds of CPU: it gives the event loop a turn as it goes, so the
      // signal takes effect within it (before, the handler waited for the whole match: 14.8 s on a loaded 2-core
      // machine, against 5.5 s after; the bound leaves room for that load).
      const killedAt = Date.now();
      run.child.kill(signal);
      const done = await run.done;
      const stoppedWithinMs = Date.now() - killedAt;
      expect(done.code).toBe(exitCode);
      expect(stoppedWithinMs).toBeLessThan(8_000);
      expect(done.stdout).toBe('');
      const runId = await onlyRun(out);
      expect(done.stderr).toMatch(
        new RegExp(`ferry: Run ${runId} cancelled by ${signal} in stage map; recorded as CANCELLED\\n$`),
      );
      expect(done.stderr).not.toMatch(/\n\s+at /);
      const record = JSON.parse(await readFile(join(out, 'runs', runId, 'run.json'), 'utf8'));
      expect(record.outcome).toBe('CANCELLED');
      expect(record.cancelled).toMatchObject({ signal, stage: 'map' });
      const stopped = record.stages.find((s: { stage: string }) => s.stage === record.cancelled.stage);
      expect(stopped.status).toBe('Cancelled');
      expect(record.stages.find((s: { stage: string }) => s.stage === 'profile').status).toBe('Success');
      // The folder is free again, and `runs list` says what happened.
      expect(existsSync(join(out, 'lifecycle.lock'))).toBe(false);
      const list = await spawnFerry(['runs', 'list', '--out', out]).done;
      expect(list.stdout).toMatch(new RegExp(`^${runId}  \\S+  CANCELLED `));
      // The run's log has the stages and the cancellation, for support.
      const log = await readFile(join(out, 'runs', runId, 'ferry.log'), 'utf8');
      expect(log).toMatch(/info {2}stage profile Success in \d+ ms, [\d,]+ rows profiled\n/);
      expect(log).toMatch(new RegExp(`warn {2}cancelled by ${signal} in stage`));
    },
  );

  it('SIGKILL: `runs list` and `runs show` say INTERRUPTED, with the stage, once its process is gone', {
    timeout: 180_000,
  }, async () => {
    const { out, args } = await setUp();
    const run = spawnFerry(args);
    let stderr = '';
    run.child.stderr?.on('data', (d) => {
      stderr += String(d);
    });
    await waitUntil('the map stage to start', () => /\[3\/8\] map started/.test(stderr));
    // While it runs, it is RUNNING.
    const running = await spawnFerry(['runs', 'list', '--out', out, '--json']).done;
    expect(JSON.parse(running.stdout)[0].outcome).toBe('RUNNING');
    expect(JSON.parse(running.stdout)[0].stopped_in).toBeUndefined();
    run.child.kill('SIGKILL');
    await run.done;
    // The last stage it announced is the one it died in (map, or a later one if it went on before the kill).
    const lastStarted = [...stderr.matchAll(/\[\d\/8\] (\w+) started/g)].at(-1)![1]!;
    expect(lastStarted).toMatch(/^(map|migrate|check|gate|reconcile|evidence)$/);
    const runId = await onlyRun(out);
    const list = await spawnFerry(['runs', 'list', '--out', out, '--json']).done;
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ run_id: runId, outcome: 'INTERRUPTED', stopped_in: lastStarted }),
    ]);
    const lines = await spawnFerry(['runs', 'list', '--out', out]).done;
    expect(lines.stdout).toMatch(
      new RegExp(`^${runId}  \\S+  INTERRUPTED .*  \\(process ended in ${lastStarted}\\)\n$`),
    );
    const shown = await spawnFerry(['runs', 'show', runId, '--out', out]).done;
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      runId,
      outcome: 'INTERRUPTED',
      interrupted: {
        stage: lastStarted,
        pid: run.child.pid,
        reason: 'the process ended without finishing the run',
      },
    });
    // The record itself is left as the killed process wrote it; a new run takes over the stale lock.
    expect(JSON.parse(await readFile(join(out, 'runs', runId, 'run.json'), 'utf8')).outcome).toBe('RUNNING');
  });

  it('prints one line per stage start and end outside a terminal, and nothing with --quiet', {
    timeout: 180_000,
  }, async () => {
    const { args } = await setUp(8);
    const done = await spawnFerry(args).done;
    expect([0, 1]).toContain(done.code);
    const lines = done.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('ferry: [2/8] profile started');
    expect(lines[1]).toMatch(/^ferry: \[2\/8\] profile done in \d+\.\d s, [\d,]+ rows profiled$/);
    expect(lines.filter((l) => / started$/.test(l))).toHaveLength(7);
    expect(lines.filter((l) => / done in \d+\.\d s/.test(l))).toHaveLength(7);
    expect(lines[lines.length - 1]).toMatch(/^ferry: \[8\/8\] evidence done in /);

    // Quiet, the stages after check run again (reusing that run's profile, map, load and checks) and say nothing.
    const quiet = await spawnFerry(['--quiet', ...args, '--from', 'gate']).done;
    expect(quiet.code).toBe(done.code);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toMatch(/outcome (PASS|FAIL)/);
    expect(quiet.stdout.split('outcome')[1]).toBe(done.stdout.split('outcome')[1]);
  });
});
