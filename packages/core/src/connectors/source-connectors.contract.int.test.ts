import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { mysqlReachable, mysqlTestSettings } from '../testing/mysql-test-env.js';
import { postgresReachable, testDatabaseUrl } from '../testing/postgres-test-env.js';
import {
  loadMysqlTables,
  loadPostgresTables,
  writeDelimitedDump,
  writeJsonTables,
  writeXlsxTables,
} from '../testing/source-formats.js';
import { formatExactCsvRow } from './csv/csv-writer.js';
import { contractTables, sourceConnectorContract } from './source-connector.contract-suite.js';
import { openSourceSpec } from './source-connector-registry.js';

let dir: string;
const pgSchema = `contract_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const mysqlDb = `ferry_contract_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
let hasPostgres = false;
let hasMysql = false;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-contract-'));
  const tables = contractTables();
  for (const t of tables) {
    await writeFile(
      join(dir, `${t.name}.csv`),
      [t.columns, ...(t.rows as string[][])].map((r) => formatExactCsvRow(r)).join(''),
    );
  }
  await writeJsonTables(join(dir, 'ndjson'), contractTables(), 'lines');
  await writeJsonTables(join(dir, 'json'), contractTables(), 'array');
  await writeXlsxTables(join(dir, 'book.xlsx'), contractTables());
  await writeDelimitedDump(join(dir, 'dump'), contractTables(), '^', 'latin1');
  hasPostgres = await postgresReachable();
  if (hasPostgres) await loadPostgresTables(testDatabaseUrl, pgSchema, contractTables());
  hasMysql = await mysqlReachable();
  if (hasMysql) await loadMysqlTables(mysqlTestSettings, mysqlDb, contractTables());
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  if (hasPostgres) {
    const c = new pg.Client({ connectionString: testDatabaseUrl });
    await c.connect();
    await c.query(`drop schema if exists "${pgSchema}" cascade`);
    await c.end();
  }
  if (hasMysql) {
    const c = await mysql.createConnection(mysqlTestSettings);
    await c.query(`drop database if exists \`${mysqlDb}\``);
    await c.end();
  }
});

sourceConnectorContract('CSV folder', { kind: 'csv', open: () => openSourceSpec(`csv:${dir}`) });
sourceConnectorContract('NDJSON', { kind: 'json', open: () => openSourceSpec(`ndjson:${join(dir, 'ndjson')}`) });
sourceConnectorContract('JSON arrays', { kind: 'json', open: () => openSourceSpec(`json:${join(dir, 'json')}`) });
sourceConnectorContract('Excel workbook', {
  kind: 'xlsx',
  open: () => openSourceSpec(`xlsx:${join(dir, 'book.xlsx')}`),
});
sourceConnectorContract('^-delimited Latin-1 dump', {
  kind: 'dump',
  open: () => openSourceSpec(`dump:${join(dir, 'dump', 'layout.json')}`),
});
sourceConnectorContract('PostgreSQL', {
  kind: 'postgres',
  extraColumns: ['ferry_row'],
  open: async () => {
    if (!hasPostgres) throw new Error('PostgreSQL unreachable');
    const u = new URL(testDatabaseUrl);
    u.searchParams.set('schema', pgSchema);
    return openSourceSpec(u.toString());
  },
});
sourceConnectorContract('MariaDB', {
  kind: 'mysql',
  extraColumns: ['ferry_row'],
  open: async () => {
    if (!hasMysql) throw new Error('MariaDB unreachable');
    const s = mysqlTestSettings;
    return openSourceSpec(`mysql://${s.user}${s.password ? `:${s.password}` : ''}@${s.host}:${s.port}/${mysqlDb}`);
  },
});
