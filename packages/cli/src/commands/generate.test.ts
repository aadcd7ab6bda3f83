import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFerry } from '../testing/run-ferry.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-cli-generate-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('ferry generate', () => {
  it('writes a cohort and prints rows per file and the defects', async () => {
    const out = join(dir, 'cohort');
    const r = await runFerry(
      'generate',
      '--pack',
      'nhs-pas',
      '--patients',
      '25',
      '--seed',
      '3',
      '--defects',
      'typical',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    // Outside a terminal, progress is a line when the stage starts and one when it ends.
    expect(r.stderr).toMatch(/^ferry: generate started\nferry: generate done in \d+\.\d s, 25 patients\n$/);
    expect(r.stdout).toContain('Generated 25 patients of pack nhs-pas (seed 3, defects typical)');
    expect(r.stdout).toMatch(/Legacy extract \(source\/\): \d+ files/);
    expect(r.stdout).toMatch(/Expected target rows \(expected\/\): 38 files/);
    expect(r.stdout).toMatch(/\n {2}PATIENT +\d+\n/);
    expect(r.stdout).toMatch(/Defects \(defects\.csv\): [1-9]/);
    expect(existsSync(join(out, 'source', 'PATIENT.csv'))).toBe(true);
    expect(existsSync(join(out, 'expected', 'LOAD_PMI.csv'))).toBe(true);
    const defects = (await readFile(join(out, 'defects.csv'), 'utf8')).trim().split('\n');
    expect(defects[0]).toBe('source_table,source_key,defect,expected');
  });

  it('prints the result as JSON with --json', async () => {
    const out = join(dir, 'json');
    const r = await runFerry('generate', '--pack', 'nhs-pas', '--patients', '5', '--seed', '1', '--out', out, '--json');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.defects).toBe(0);
    expect(result.extractDate).toBe('2026-10-31');
    expect(result.files['source/PATIENT.csv']).toBeGreaterThanOrEqual(5);
  });

  it('exits 2 on bad arguments, naming the argument', async () => {
    const base = ['generate', '--pack', 'nhs-pas', '--seed', '1', '--out', join(dir, 'bad')];
    for (const [args, message] of [
      [['--patients', '0'], '--patients'],
      [['--patients', 'ten'], '--patients'],
      [['--patients', '5', '--defects', 'some'], '--defects'],
    ] as const) {
      const r = await runFerry(...base, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
    expect((await runFerry('generate', '--pack', 'nhs-pas', '--patients', '5', '--out', join(dir, 'bad'))).code).toBe(
      2,
    );
    expect(
      (await runFerry('generate', '--pack', 'optical-x', '--patients', '5', '--seed', '1', '--out', join(dir, 'bad')))
        .code,
    ).toBe(2);
    expect(
      (await runFerry('generate', '--pack', 'nhs-pas', '--patients', '5', '--seed', '-4', '--out', join(dir, 'bad')))
        .code,
    ).toBe(2);
  });
});
