import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  csvFolderTables,
  loadMysqlTables,
  loadPostgresTables,
  mysqlReachable,
  mysqlTestSettings,
  postgresReachable,
  testDatabaseUrl,
  writeDelimitedDump,
  writeJsonTables,
  writeXlsxTables,
} from '@ferry/core';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFerry } from '../testing/run-ferry.js';

/**
 * One generated nhs-pas cohort, written as a CSV folder, NDJSON, an Excel workbook, a `^`-delimited Latin-1 dump, a
 * PostgreSQL schema and a MariaDB database: every source gives the same migration ledger, the same target rows and the
 * same reconciliation (but for the job id and source fingerprint, which name the source).
 */
let dir: string;
const pgSchema = `lc_conn_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const mysqlDb = `ferry_lc_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-lc-connectors-'));
  const gen = await runFerry(
    'generate',
    '--pack',
    'nhs-pas',
    '--patients',
    '30',
    '--seed',
    '11',
    '--defects',
    'typical',
    '--out',
    join(dir, 'cohort'),
  );
  expect(gen.code).toBe(0);
  const csv = join(dir, 'cohort', 'source');
  await writeJsonTables(join(dir, 'ndjson'), await csvFolderTables(csv), 'lines');
  await writeXlsxTables(join(dir, 'cohort.xlsx'), await csvFolderTables(csv));
  await writeDelimitedDump(join(dir, 'dump'), await csvFolderTables(csv), '^', 'latin1');
  expect(await postgresReachable()).toBe(true);
  await loadPostgresTables(testDatabaseUrl, pgSchema, await csvFolderTables(csv));
  expect(await mysqlReachable()).toBe(true);
  await loadMysqlTables(mysqlTestSettings, mysqlDb, await csvFolderTables(csv));
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  const c = new pg.Client({ connectionString: testDatabaseUrl });
  await c.connect();
  await c.query(`drop schema if exists "${pgSchema}" cascade`);
  await c.end();
  const m = await mysql.createConnection(mysqlTestSettings);
  await m.query(`drop database if exists \`${mysqlDb}\``);
  await m.end();
});

/** The target rows a job wrote into a CSV target, file by file. */
async function targetRows(load: string): Promise<Record<string, string>> {
  const files = (await readdir(load)).filter((f) => f.endsWith('.csv')).sort();
  const rows: Record<string, string> = {};
  for (const f of files) rows[f] = await readFile(join(load, f), 'utf8');
  return rows;
}

/** A rejects.csv without its last column, the line or record number, which counts differently in each kind of source. */
async function rejectsWithoutLine(file: string): Promise<string[]> {
  const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
  expect(lines[0]).toMatch(/,source_line$/);
  return lines.map((l) => l.replace(/,[^,]*$/, ''));
}

/** A reconciliation report without what names the source (the job id and the source's fingerprint). */
async function reconciliation(file: string): Promise<unknown> {
  const recon = JSON.parse(await readFile(file, 'utf8'));
  delete recon.jobId;
  delete recon.subject;
  return recon;
}

/** A migration report's ledger: per table and in total (the job id, fingerprint and file names name the source). */
async function ledger(file: string): Promise<unknown> {
  const { tables, totals, balanced, unmappedSourceTables } = JSON.parse(await readFile(file, 'utf8'));
  return { tables, totals, balanced, unmappedSourceTables };
}

const lifecycleArgs = (name: string, source: string) => [
  'lifecycle',
  '--pack',
  'nhs-pas',
  '--source',
  source,
  '--release-profile',
  'pre_production',
  '--target',
  `csv:${join(dir, `load-${name}`)}`,
  '--out',
  join(dir, `out-${name}`),
  '--json',
];

describe('ferry lifecycle from every connector', () => {
  /**
   * The whole lifecycle runs once, from the CSV folder. From every other connector the lifecycle runs the stages that
   * read the source (profile, map, migrate), then `ferry reconcile` reads it again against that load: the target rows
   * are the CSV load's byte for byte, so the stages that read only the target (check, gate) would judge them the same.
   */
  it('loads the same target rows and reconciles the same from CSV, NDJSON, xlsx, a ^ dump, PostgreSQL and MariaDB', async () => {
    const whole = await runFerry(...lifecycleArgs('csv', `csv:${join(dir, 'cohort', 'source')}`));
    expect(whole.stderr).toBe('');
    const csv = JSON.parse(whole.stdout);
    expect(csv.reconciliation).toBe('MATCH');
    expect(csv.loaded_rows).toBeGreaterThan(1000);
    expect(csv.source_rows).toBe(csv.loaded_rows + csv.rejected_rows + csv.out_of_scope_rows);
    const csvRows = await targetRows(join(dir, 'load-csv'));
    expect(Object.keys(csvRows).length).toBeGreaterThan(20);
    const csvRun = join(dir, 'out-csv', 'runs', csv.run_id);
    const csvLedger = await ledger(join(csvRun, 'migrate', 'migration_report.json'));
    const csvRejects = await rejectsWithoutLine(join(csvRun, 'migrate', 'rejects.csv'));
    expect(csvRejects.length).toBeGreaterThan(1);
    const csvRecon = await reconciliation(join(dir, 'out-csv', 'evidence', 'reconciliation_report.json'));

    const u = new URL(testDatabaseUrl);
    u.searchParams.set('schema', pgSchema);
    const s = mysqlTestSettings;
    const others: [string, string][] = [
      ['ndjson', `ndjson:${join(dir, 'ndjson')}`],
      ['xlsx', `xlsx:${join(dir, 'cohort.xlsx')}`],
      ['dump', `dump:${join(dir, 'dump', 'layout.json')}`],
      ['postgres', u.toString()],
      ['mariadb', `mysql://${s.user}${s.password ? `:${s.password}` : ''}@${s.host}:${s.port}/${mysqlDb}`],
    ];
    for (const [name, spec] of others) {
      const loaded = await runFerry(...lifecycleArgs(name, spec), '--to', 'migrate');
      expect({ name, code: loaded.code, stderr: loaded.stderr }).toEqual({ name, code: 0, stderr: '' });
      const run = JSON.parse(loaded.stdout);
      expect(run).toMatchObject({ gate: 'PARTIAL', stages_run: ['profile', 'map', 'migrate'] });
      expect(run.job_id).not.toBe(csv.job_id);
      const migrate = join(dir, `out-${name}`, 'runs', run.run_id, 'migrate');
      expect({ name, ledger: await ledger(join(migrate, 'migration_report.json')) }).toEqual({
        name,
        ledger: csvLedger,
      });
      expect({ name, rejects: await rejectsWithoutLine(join(migrate, 'rejects.csv')) }).toEqual({
        name,
        rejects: csvRejects,
      });
      const rows = await targetRows(join(dir, `load-${name}`));
      expect(Object.keys(rows)).toEqual(Object.keys(csvRows));
      for (const f of Object.keys(csvRows)) expect({ name, f, rows: rows[f] }).toEqual({ name, f, rows: csvRows[f] });

      const recon = await runFerry(
        'reconcile',
        '--pack',
        'nhs-pas',
        '--source',
        spec,
        '--target',
        `csv:${join(dir, `load-${name}`)}`,
        '--job',
        run.job_id,
        '--rejects',
        join(migrate, 'rejects.csv'),
        '--release-profile',
        'pre_production',
        '--out',
        join(dir, `recon-${name}`),
      );
      expect({ name, code: recon.code, stderr: recon.stderr }).toEqual({ name, code: 0, stderr: '' });
      expect({ name, recon: await reconciliation(join(dir, `recon-${name}`, 'reconciliation_report.json')) }).toEqual({
        name,
        recon: csvRecon,
      });
    }
  }, 1_800_000);
});
