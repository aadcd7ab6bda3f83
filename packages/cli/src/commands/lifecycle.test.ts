import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFerry } from '../testing/run-ferry.js';

describe('ferry lifecycle', () => {
  it('prints one JSON summary, keeps the run, and exits 1 when the cutover_ready gate blocks', async () => {
    const out = await mkdtemp(join(tmpdir(), 'ferry-cli-lc-'));
    const { code, stdout, stderr } = await runFerry(
      'lifecycle',
      '--pack',
      'nhs-pas',
      '--patients',
      '60',
      '--seed',
      '3',
      '--defects',
      'typical',
      '--release-profile',
      'cutover_ready',
      '--target',
      `csv:${join(out, 'load')}`,
      '--out',
      out,
      '--json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ gate: 'FAIL', profile: 'cutover_ready', evidence: join(out, 'evidence') });
    expect(summary.source_rows).toBe(summary.loaded_rows + summary.rejected_rows + summary.out_of_scope_rows);
    expect(summary.rejected_rows).toBeGreaterThan(0);
    const manifest = JSON.parse(await readFile(join(out, 'evidence', 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.files).sort()).toEqual([
      'crosswalks.csv',
      'evidence_summary.json',
      'inputs.json',
      'issues.csv',
      'lifecycle_run.json',
      'mapping_contract.csv',
      'migration_report.json',
      'quality_report.json',
      'reconciliation_report.json',
      'rejects.csv',
      'release_gate_report.json',
      'summary.html',
      'summary.pdf',
    ]);
    // Where the rows went: a CSV target is rewritten by each job, so nothing was replaced.
    expect(summary).toMatchObject({ target: `csv:${join(out, 'load')}`, replaced_jobs: [], other_jobs: [] });

    // Then the gate is rerun alone (from the gate stage), reusing the stored check results.
    const rerun = await runFerry(
      'lifecycle',
      '--pack',
      'nhs-pas',
      '--release-profile',
      'cutover_ready',
      '--target',
      `csv:${join(out, 'load')}`,
      '--out',
      out,
      '--from',
      'gate',
      '--json',
    );
    expect(rerun.code).toBe(1);
    expect(JSON.parse(rerun.stdout).source_rows).toBe(summary.source_rows);
    expect((await readdir(join(out, 'runs'))).length).toBe(2);
    const list = await runFerry('runs', 'list', '--out', out, '--json');
    const runs = JSON.parse(list.stdout);
    expect(runs).toHaveLength(2);
    const restored = await runFerry('runs', 'restore', runs[0].run_id, '--out', out);
    expect(restored.code).toBe(0);
  });

  it.each([
    [['lifecycle', '--pack', 'nhs-pas', '--patients', '5', '--out', 'x'], /release-profile/],
    [
      ['lifecycle', '--pack', 'nhs-pas', '--patients', 'many', '--release-profile', 'development', '--out', 'x'],
      /--patients/,
    ],
    [
      ['lifecycle', '--pack', 'nope', '--patients', '5', '--release-profile', 'development', '--out', 'x'],
      /Unknown pack 'nope'/,
    ],
    [['lifecycle', '--pack', 'nhs-pas', '--release-profile', 'development', '--out', 'x'], /Give a source/],
    [
      [
        'lifecycle',
        '--pack',
        'nhs-pas',
        '--source',
        '/no/such/dir',
        '--release-profile',
        'development',
        '--out',
        join(tmpdir(), 'ferry-x'),
      ],
      /no such file or folder/,
    ],
  ])('exits 2 with a clear message for bad usage: %j', async (args, message) => {
    const { code, stderr } = await runFerry(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('ferry lifecycle --require-locked-contract', () => {
  it('refuses an unlocked contract at cutover_ready with exit code 2, and runs with a locked one', async () => {
    const out = await mkdtemp(join(tmpdir(), 'ferry-cli-lock-'));
    const args = [
      'lifecycle',
      '--pack',
      'nhs-pas',
      '--patients',
      '20',
      '--seed',
      '4',
      '--release-profile',
      'cutover_ready',
      '--target',
      `csv:${join(out, 'load')}`,
      '--out',
      out,
      '--require-locked-contract',
      '--json',
    ];
    const refused = await runFerry(...args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/needs a locked contract version/);

    const { nhsPasPackFiles } = await import('@ferry/pack-nhs-pas');
    const locked = { ...JSON.parse(await readFile(nhsPasPackFiles.contract, 'utf8')), locked: true };
    const file = join(out, 'locked-contract.json');
    await writeFile(file, JSON.stringify(locked));
    const ran = await runFerry(...args, '--contract', file);
    expect(ran.stderr).toBe('');
    expect(JSON.parse(ran.stdout).gate).toBe('PASS');
  });
});

describe('ferry lifecycle --from', () => {
  it('refuses to reuse a load that went into another target', async () => {
    const out = await mkdtemp(join(tmpdir(), 'ferry-cli-from-'));
    const first = await runFerry(
      'lifecycle',
      '--pack',
      'nhs-pas',
      '--patients',
      '10',
      '--release-profile',
      'development',
      '--target',
      `csv:${join(out, 'a')}`,
      '--out',
      out,
      '--to',
      'migrate',
      '--json',
    );
    // Loaded (the stages after migrate would only read that load back).
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).stages_run).toEqual(['generate', 'profile', 'map', 'migrate']);
    const again = await runFerry(
      'lifecycle',
      '--pack',
      'nhs-pas',
      '--release-profile',
      'development',
      '--target',
      `csv:${join(out, 'b')}`,
      '--out',
      out,
      '--from',
      'check',
    );
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/went into another target; rerun from migrate/);
  });
});

describe('ferry lifecycle stage by stage (--from STAGE --to STAGE) and runs restore', () => {
  // Eight lifecycles in one test: allow for a busy CI machine.
  it('runs one stage at a time to the same result as all at once, and reruns from a restored run', {
    timeout: 300_000,
  }, async () => {
    const out = await mkdtemp(join(tmpdir(), 'ferry-cli-steps-'));
    const common = ['--pack', 'nhs-pas', '--release-profile', 'development', '--json'];
    const cohort = ['--patients', '20', '--seed', '5', '--defects', 'typical'];
    const whole = await runFerry(
      'lifecycle',
      ...common,
      ...cohort,
      '--target',
      `csv:${join(out, 'a')}`,
      '--out',
      join(out, 'all'),
    );
    expect(whole.stderr).toBe('');
    const all = JSON.parse(whole.stdout);

    // First only generate and profile; then each later stage alone, reusing the run before it.
    const steps = join(out, 'steps');
    const target = ['--target', `csv:${join(out, 'b')}`, '--out', steps];
    const first = await runFerry('lifecycle', ...common, ...cohort, ...target, '--to', 'profile');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ gate: 'PARTIAL', stages_run: ['generate', 'profile'] });
    const alone: Record<string, { code: number; summary: Record<string, unknown> }> = {};
    for (const stage of ['map', 'migrate', 'check', 'gate', 'reconcile', 'evidence']) {
      const r = await runFerry('lifecycle', ...common, ...target, '--from', stage, '--to', stage);
      expect({ stage, stderr: r.stderr }).toEqual({ stage, stderr: '' });
      alone[stage] = { code: r.code, summary: JSON.parse(r.stdout) };
    }
    expect(alone.map).toEqual({ code: 0, summary: expect.objectContaining({ gate: 'PARTIAL', stages_run: ['map'] }) });
    expect(alone.gate!.summary).toMatchObject({
      gate: 'PARTIAL',
      release_gate: all.release_gate,
      stages_run: ['gate'],
    });
    expect(alone.evidence!.code).toBe(whole.code);
    const { evidence: _e, run_id: _r, target: _t, ...expected } = all;
    expect(alone.evidence!.summary).toMatchObject(expected);

    // Restoring the run that stopped after check makes it the base of the next rerun (not the latest run).
    const runs = JSON.parse((await runFerry('runs', 'list', '--out', steps, '--json')).stdout) as { run_id: string }[];
    const checkRun = runs[3]!.run_id;
    expect((await runFerry('runs', 'restore', checkRun, '--out', steps)).code).toBe(0);
    const rerun = await runFerry('lifecycle', ...common, ...target, '--from', 'gate', '--to', 'gate');
    const record = JSON.parse(await readFile(join(steps, 'runs', JSON.parse(rerun.stdout).run_id, 'run.json'), 'utf8'));
    expect(record.arguments).toMatchObject({ from: 'gate', to: 'gate', reusedFrom: checkRun });

    const backwards = await runFerry('lifecycle', ...common, ...target, '--from', 'gate', '--to', 'map');
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toMatch(/The last stage \(map\) comes before the first \(gate\)/);
  });
});

describe('exit codes of a lifecycle, as the server reports them for a run', () => {
  it('agree with the CLI for every outcome', async () => {
    const { exitCodeOfOutcome, lifecycleExitCodes } = await import('@ferry/server');
    const { exitCodes } = await import('../run-command.js');
    const { lifecycleExitCode } = await import('./lifecycle.js');
    expect(lifecycleExitCodes).toEqual(exitCodes);
    for (const outcome of ['PASS', 'FAIL', 'PARTIAL', 'ERROR'] as const)
      expect({ outcome, code: lifecycleExitCode(outcome) }).toEqual({ outcome, code: exitCodeOfOutcome(outcome) });
  });
});
