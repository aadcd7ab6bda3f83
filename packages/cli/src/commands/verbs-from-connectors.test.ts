import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  csvFolderTables,
  loadMysqlTables,
  mysqlReachable,
  mysqlTestSettings,
  writeDelimitedDump,
  writeJsonTables,
} from '@ferry/core';
import { nhsPasPackFiles } from '@ferry/pack-nhs-pas';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFerry } from '../testing/run-ferry.js';

/**
 * The verbs other than `lifecycle` read every `--source` kind: a small nhs-pas cohort written as NDJSON, as a
 * `^`-delimited Latin-1 dump and into MariaDB drafts a catalog (`catalog draft`), gives value evidence to the
 * auto-mapper (`map --source-data`) and loads (`migrate`, in process and with `--workers 2`) with the same totals as
 * its CSV folder. `--queue` keeps to CSV folders and says so.
 */
const myUp = await mysqlReachable();
const myDb = `ferry_verbs_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
let dir: string;
let csv: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-cli-verbs-'));
  const gen = await runFerry('generate', '--pack', 'nhs-pas', '--patients', '8', '--seed', '5', '--out', dir, '--json');
  expect(gen.code, gen.stderr).toBe(0);
  csv = join(dir, 'source');
  await writeJsonTables(join(dir, 'ndjson'), await csvFolderTables(csv), 'lines');
  await writeDelimitedDump(join(dir, 'dump'), await csvFolderTables(csv), '^', 'latin1');
  if (myUp) await loadMysqlTables(mysqlTestSettings, myDb, await csvFolderTables(csv));
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  if (myUp) {
    const m = await mysql.createConnection(mysqlTestSettings);
    await m.query(`drop database if exists \`${myDb}\``);
    await m.end();
  }
});

/** The totals of a load of `source` into a fresh CSV target, from its migration_report.json. */
async function migrateTotals(name: string, source: string, ...extra: string[]) {
  const out = join(dir, `job-${name}`);
  const r = await runFerry(
    'migrate',
    '--source',
    source,
    '--target',
    `csv:${join(dir, `load-${name}`)}`,
    '--release-profile',
    'development',
    '--out',
    out,
    '--json',
    ...extra,
  );
  expect(r.code, r.stderr).toBe(0);
  const report = JSON.parse(await readFile(join(out, 'migration_report.json'), 'utf8'));
  return report.tables.map((t: { sourceTable: string; read: number; loaded: number; rejected: number }) => [
    t.sourceTable,
    t.read,
    t.loaded,
    t.rejected,
  ]);
}

describe('verbs from every --source kind', () => {
  it('migrates from NDJSON, a dump (with --workers 2) and MariaDB with the totals of the CSV folder', async () => {
    const fromCsv = await migrateTotals('csv', `csv:${csv}`);
    expect(fromCsv.length).toBeGreaterThan(3);
    expect(await migrateTotals('ndjson', `ndjson:${join(dir, 'ndjson')}`)).toEqual(fromCsv);
    expect(await migrateTotals('dump', `dump:${join(dir, 'dump', 'layout.json')}`, '--workers', '2')).toEqual(fromCsv);
    if (myUp) {
      const url = `mysql://${mysqlTestSettings.user}@${mysqlTestSettings.host}:${mysqlTestSettings.port}/${myDb}`;
      expect(await migrateTotals('mysql', url)).toEqual(fromCsv);
    }
  }, 300_000);

  it('refuses --queue from a source that is not a CSV folder, naming the way that works', async () => {
    const r = await runFerry(
      'migrate',
      '--source',
      `ndjson:${join(dir, 'ndjson')}`,
      '--target',
      'postgres://postgres@127.0.0.1:5432/test',
      '--queue',
    );
    expect([r.code, r.stderr]).toEqual([
      2,
      'ferry: --queue reads csv:DIR sources (its workers open the files by path); load a JSON / NDJSON source in this process (--workers N)\n',
    ]);
  });

  it('drafts a catalog from NDJSON and profiles a dump for the auto-mapper', async () => {
    const out = join(dir, 'drafted.csv');
    const drafted = await runFerry('catalog', 'draft', '--source', `ndjson:${join(dir, 'ndjson')}`, '--out', out);
    expect(drafted.code, drafted.stderr).toBe(0);
    expect(drafted.stdout).toMatch(/^wrote .*drafted\.csv: \d+ tables, \d+ fields/);
    const fromCsv = await runFerry('catalog', 'draft', '--source', `csv:${csv}`, '--out', join(dir, 'csv.csv'));
    expect(fromCsv.code, fromCsv.stderr).toBe(0);
    // The same tables and columns as the CSV folder's draft (NDJSON has no column order of its own beyond first use).
    const names = (text: string) =>
      text
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .map((l) => l.split(',').slice(0, 2).join('.'))
        .sort();
    expect(names(await readFile(out, 'utf8'))).toEqual(names(await readFile(join(dir, 'csv.csv'), 'utf8')));

    const common = ['--source-catalog', nhsPasPackFiles.sourceCatalog, '--target-pack', 'nhs-pas', '--json'];
    const mapped = await runFerry(
      'map',
      ...common,
      '--source-data',
      `dump:${join(dir, 'dump', 'layout.json')}`,
      '--out',
      join(dir, 'm.json'),
    );
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(JSON.parse(mapped.stdout)).toMatchObject({ usedProfile: true });
  }, 120_000);
});
