import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PackRegistry, parseCsvText, runLifecycle } from '@ferry/core';
import { describe, expect, it } from 'vitest';
import { opticalPack } from './index.js';

const registry = new PackRegistry([opticalPack]);
const fixedClock = () => new Date('2026-11-22T09:00:00Z');
const versions = { ferry: 'test' };
const csvRows = async (path: string) => parseCsvText(await readFile(path, 'utf8'));

describe.each(['optix', 'occuco', 'acuity'])('optical lifecycle, %s export', (vendor) => {
  const pack = registry.get(`optical:${vendor}`);

  it('with no defects: every loaded table equals the generator expected rows, nothing rejected', async () => {
    const out = await mkdtemp(join(tmpdir(), `ferry-opt-${vendor}-`));
    const { record, runDir } = await runLifecycle({
      pack,
      source: { kind: 'generated', patients: 60, seed: 3, defects: 'none' },
      releaseProfile: 'pre_production',
      target: `csv:${join(out, 'load')}`,
      outDir: out,
      versions,
      now: fixedClock,
    });
    const expectedDir = join(runDir, 'generate', 'expected');
    const files = (await readdir(expectedDir)).filter((f) => f.endsWith('.csv')).sort();
    expect(files).toHaveLength(9);
    let rows = 0;
    for (const file of files) {
      const got = await readFile(join(out, 'load', file), 'utf8');
      const want = await readFile(join(expectedDir, file), 'utf8');
      rows += want.split('\n').length - 2;
      expect({ file, got }).toEqual({ file, got: want });
    }
    expect(rows).toBeGreaterThan(600);
    const migration = JSON.parse(await readFile(join(out, 'evidence', 'migration_report.json'), 'utf8'));
    expect(migration.totals.rejected).toBe(0);
    expect(migration.balanced).toBe(true);
    expect(record.summary?.reconciliation).toBe('MATCH');
    // The checks do not flag clean data: no issue at all.
    expect((await csvRows(join(out, 'evidence', 'issues.csv'))).slice(1)).toEqual([]);
    if (vendor === 'acuity') {
      // The export really is US-shaped: plus cylinders, month-first dates that also read day-first, OD/OS columns.
      const rx = await csvRows(join(runDir, 'generate', 'source', 'spectacleRx.csv'));
      const cyl = rx[0]!.indexOf('odCylinder');
      expect(rx.slice(1).filter((r) => r[cyl]!.startsWith('+') && r[cyl] !== '+0.00').length).toBeGreaterThan(20);
      const exams = await csvRows(join(runDir, 'generate', 'source', 'exams.csv'));
      const date = exams[0]!.indexOf('examDate');
      const ambiguous = exams.slice(1).filter((r) => Number(r[date]!.slice(3, 5)) <= 12);
      expect(ambiguous.length).toBeGreaterThan(20);
    }
  }, 300_000);

  it('with typical defects: every labelled defect is rejected or flagged where defects.csv says', async () => {
    const out = await mkdtemp(join(tmpdir(), `ferry-opt-${vendor}-d-`));
    const { runDir } = await runLifecycle({
      pack,
      // Every 7th patient carries the next of the 12 kinds (generate-practice.ts): 84 patients carry each kind once.
      source: { kind: 'generated', patients: 84, seed: 5, defects: 'typical' },
      releaseProfile: 'pre_production',
      target: `pglite:${join(out, 'target')}`,
      outDir: out,
      versions,
      now: fixedClock,
    });
    const defects = (await csvRows(join(runDir, 'generate', 'defects.csv'))).slice(1);
    const rejects = new Set(
      (await csvRows(join(out, 'evidence', 'rejects.csv'))).slice(1).map((r) => `${r[0]}|${r[1]}`),
    );
    const issuesCsv = await csvRows(join(out, 'evidence', 'issues.csv'));
    const col = (name: string) => issuesCsv[0]!.indexOf(name);
    const issues = new Set(issuesCsv.slice(1).map((r) => `${r[col('source_table')]}|${r[col('source_key')]}`));
    expect(new Set(defects.map((d) => d[2])).size).toBe(12);
    const missed = defects.filter(([table, key, , expected]) =>
      expected === 'reject' ? !rejects.has(`${table}|${key}`) : !issues.has(`${table}|${key}`),
    );
    expect(missed).toEqual([]);
  }, 300_000);
});
