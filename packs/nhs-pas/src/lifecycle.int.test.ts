import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema, parseCsvText, postgresReachable, runLifecycle } from '@ferry/core';
import { describe, expect, it } from 'vitest';
import { allDefectKinds } from './generator/defect-kinds.js';
import { nhsPasPack } from './index.js';

/**
 * The pack's acceptance tests: the whole lifecycle on generated cohorts, checked against what the generator knows
 * to be true (expected/ and defects.csv), on PGlite, a CSV target and a real PostgreSQL server.
 */
const pgUp = await postgresReachable();
const fixedClock = () => new Date('2026-11-22T09:00:00Z');
const versions = { ferry: 'test' };

const csvRows = async (path: string) => parseCsvText(await readFile(path, 'utf8'));

describe('nhs-pas lifecycle', () => {
  it('with no defects at pre_production: the gate passes and every CSV LOAD file equals the expected one', async () => {
    const out = await mkdtemp(join(tmpdir(), 'ferry-lc-none-'));
    const { record, runDir } = await runLifecycle({
      pack: nhsPasPack,
      source: { kind: 'generated', patients: 40, seed: 7, defects: 'none' },
      releaseProfile: 'pre_production',
      target: `csv:${join(out, 'load')}`,
      outDir: out,
      versions,
      now: fixedClock,
    });
    const expectedDir = join(runDir, 'generate', 'expected');
    const files = (await readdir(expectedDir)).filter((f) => f.endsWith('.csv')).sort();
    expect(files.length).toBeGreaterThanOrEqual(36);
    for (const file of files) {
      const got = await readFile(join(out, 'load', file), 'utf8');
      const want = await readFile(join(expectedDir, file), 'utf8');
      expect({ file, got }).toEqual({ file, got: want });
    }
    const migration = JSON.parse(await readFile(join(out, 'evidence', 'migration_report.json'), 'utf8'));
    expect(migration.balanced).toBe(true);
    expect(migration.totals.rejected).toBe(0);
    expect(record.summary?.reconciliation).toBe('MATCH');
    expect(record.outcome).toBe('PASS');
  });

  it('with typical defects at cutover_ready: every defect is found where defects.csv says, conservation holds, the gate blocks', async () => {
    const out = await mkdtemp(join(tmpdir(), 'ferry-lc-typical-'));
    const { record, runDir } = await runLifecycle({
      pack: nhsPasPack,
      // Every defect kind is scheduled once however small the cohort (defect-planner.ts), so 60 patients carry them all.
      source: { kind: 'generated', patients: 60, seed: 11, defects: 'typical' },
      releaseProfile: 'cutover_ready',
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
    expect(new Set(defects.map((d) => d[2]))).toEqual(new Set(allDefectKinds));
    const missed = defects.filter(([table, key, , expected]) =>
      expected === 'reject' ? !rejects.has(`${table}|${key}`) : !issues.has(`${table}|${key}`),
    );
    expect(missed).toEqual([]);
    const migration = JSON.parse(await readFile(join(out, 'evidence', 'migration_report.json'), 'utf8'));
    for (const t of migration.tables)
      expect({ table: t.targetTable, balanced: t.balanced }).toEqual({ table: t.targetTable, balanced: true });
    expect(migration.balanced).toBe(true);
    expect(record.outcome).toBe('FAIL');
  });

  it.runIf(pgUp)('gives the same evidence on a PostgreSQL server and on PGlite, apart from timings', async () => {
    const schema = await createTestSchema('lifecycle');
    try {
      const run = async (target: string) => {
        const out = await mkdtemp(join(tmpdir(), 'ferry-lc-same-'));
        await runLifecycle({
          pack: nhsPasPack,
          source: { kind: 'generated', patients: 60, seed: 5, defects: 'typical' },
          releaseProfile: 'pre_production',
          target,
          outDir: out,
          versions,
          now: fixedClock,
        });
        return join(out, 'evidence');
      };
      const onServer = await run(schema.url);
      const onPglite = await run(`pglite:${join(await mkdtemp(join(tmpdir(), 'ferry-pgl-')), 'db')}`);
      for (const file of [
        'mapping_contract.csv',
        'migration_report.json',
        'rejects.csv',
        'quality_report.json',
        'issues.csv',
        'release_gate_report.json',
        'reconciliation_report.json',
      ]) {
        const a = await readFile(join(onServer, file), 'utf8');
        const b = await readFile(join(onPglite, file), 'utf8');
        expect({ file, a }).toEqual({ file, a: b });
      }
      const strip = (
        r: { runId?: string; arguments: { target?: string }; stages: object[] } & Record<string, unknown>,
      ) => ({
        ...r,
        runId: undefined,
        sourceDir: undefined,
        arguments: { ...r.arguments, target: undefined },
        stages: r.stages.map((s) => ({ ...s, ms: undefined, rowsPerSecond: undefined, peakRssMb: undefined })),
      });
      const runA = JSON.parse(await readFile(join(onServer, 'lifecycle_run.json'), 'utf8'));
      const runB = JSON.parse(await readFile(join(onPglite, 'lifecycle_run.json'), 'utf8'));
      expect(strip(runA)).toEqual(strip(runB));
    } finally {
      await schema.drop();
    }
  });
});
