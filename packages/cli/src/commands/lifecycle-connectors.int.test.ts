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
 * PostgreSQL schema and a MariaDB database, runs through `ferry lifecycle` from each: every source gives the same
 * target rows and the same reconciliation (but for the job id and source fingerprint, which name the source).
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

async function lifecycle(name: string, source: string) {
  const out = join(dir, `out-${name}`);
  const load = join(dir, `load-${name}`);
  const { code, stdout, stderr } = await runFerry(
    'lifecycle',
    '--pack',
    'nhs-pas',
    '--source',
    source,
    '--release-profile',
    'pre_production',
    '--target',
    `csv:${load}`,
    '--out',
    out,
    '--json',
  );
  expect(stderr).toBe('');
  const summary = JSON.parse(stdout);
  const files = (await readdir(load)).filter((f) => f.endsWith('.csv')).sort();
  const rows: Record<string, string> = {};
  for (const f of files) rows[f] = await readFile(join(load, f), 'utf8');
  const recon = JSON.parse(await readFile(join(out, 'evidence', 'reconciliation_report.json'), 'utf8'));
  delete recon.jobId;
  delete recon.subject;
  return { code, summary, rows, recon };
}

describe('ferry lifecycle from every connector', () => {
  it('loads the same target rows and reconciles the same from CSV, NDJSON, xlsx, a ^ dump, PostgreSQL and MariaDB', async () => {
    const csv = await lifecycle('csv', `csv:${join(dir, 'cohort', 'source')}`);
    expect(csv.summary.reconciliation).toBe('MATCH');
    expect(csv.summary.loaded_rows).toBeGreaterThan(1000);
    expect(Object.keys(csv.rows).length).toBeGreaterThan(20);
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
      const run = await lifecycle(name, spec);
      expect({ name, code: run.code }).toEqual({ name, code: csv.code });
      for (const k of ['source_rows', 'loaded_rows', 'rejected_rows', 'out_of_scope_rows', 'reconciliation', 'gate']) {
        expect({ name, k, v: run.summary[k] }).toEqual({ name, k, v: csv.summary[k] });
      }
      expect(run.summary.job_id).not.toBe(csv.summary.job_id);
      expect(Object.keys(run.rows)).toEqual(Object.keys(csv.rows));
      for (const f of Object.keys(csv.rows))
        expect({ name, f, rows: run.rows[f] }).toEqual({ name, f, rows: csv.rows[f] });
      expect(run.recon).toEqual(csv.recon);
    }
  }, 1_800_000);
});
