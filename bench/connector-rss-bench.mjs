#!/usr/bin/env node
// Connector memory benchmark (issue 16): a table of --rows rows (default one million; eight columns of a PAS patient's
// shape) is made in PostgreSQL and in MariaDB, then streamed through the database connectors exactly as a run reads
// it (the core registry's `postgres` and `mysql` types: one snapshot, rows in key order) while the peak RSS of this
// process is sampled. Prints rows, seconds, rows/s and peak RSS per connector against the 300 MB target. It never
// fails on timing or memory (figures only); it fails when a connector yields another number of rows than the table
// holds. Runs against the built core: `npx tsc -b packages/core` first. The tables are dropped at the end.
//
//   node bench/connector-rss-bench.mjs [--rows 1000000] [--only postgres|mysql]
//        [--postgres postgres://postgres@127.0.0.1:5432/test] [--mysql mysql://root@127.0.0.1:3306]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import mysql from 'mysql2/promise';
import pg from 'pg';

const core = await import('../packages/core/dist/index.js').catch(() => {
  console.error('bench: packages/core/dist is missing; run `npx tsc -b packages/core` first');
  process.exit(2);
});

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    only: { type: 'string' },
    postgres: {
      type: 'string',
      default: process.env.FERRY_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
    mysql: { type: 'string', default: process.env.FERRY_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306' },
  },
});
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows < 1) {
  console.error('bench: --rows must be a positive integer');
  process.exit(2);
}
const tag = `rss_bench_${process.pid}`;
const targetMb = 300;

/** Streams every row of `table` through the connector a spec opens, sampling peak RSS; returns the figures. */
async function stream(spec, table) {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = process.hrtime.bigint();
  const source = await core.openSourceSpec(spec);
  let count = 0;
  let width = 0;
  try {
    for await (const record of source.rows(table)) {
      count++;
      width += record.fields.length;
      if ((count & 0xffff) === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
  } finally {
    await source.close();
    clearInterval(sample);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { count, width, seconds, beforeMb: before / 2 ** 20, peakMb: peak / 2 ** 20 };
}

function print(kind, r) {
  const verdict = r.peakMb < targetMb ? 'under' : 'OVER';
  console.log(
    `${kind.padEnd(8)} ${r.count.toLocaleString('en-GB')} rows in ${r.seconds.toFixed(1)} s ` +
      `(${Math.round(r.count / r.seconds).toLocaleString('en-GB')} rows/s); RSS ${r.beforeMb.toFixed(0)} MB before, ` +
      `peak ${r.peakMb.toFixed(0)} MB (${verdict} the ${targetMb} MB target)`,
  );
  if (r.count !== rows) {
    console.error(`bench: ${kind} yielded ${r.count} rows, the table holds ${rows}`);
    process.exitCode = 1;
  }
}

async function postgresBench() {
  const client = new pg.Client({ connectionString: values.postgres });
  await client.connect();
  try {
    await client.query(`create schema ${tag}`);
    await client.query(`create table ${tag}.patient (pat_id integer primary key, hosp_no text, nhs_no text,
      surname text, forename text, dob date, sex text, postcode text)`);
    const t0 = Date.now();
    await client.query(
      `insert into ${tag}.patient select g, 'H' || g, lpad((9990000000 + g)::text, 10, '0'), 'SURNAME' || (g % 997),
        'FORENAME' || (g % 389), date '1930-01-01' + (g % 30000), case when g % 2 = 0 then 'F' else 'M' end,
        'LS' || (g % 29) || ' ' || (g % 9) || 'AB' from generate_series(1, $1) g`,
      [rows],
    );
    console.log(`postgres table made in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const u = new URL(values.postgres);
    u.searchParams.set('schema', tag);
    print('postgres', await stream(u.toString(), 'patient'));
  } finally {
    await client.query(`drop schema if exists ${tag} cascade`);
    await client.end();
  }
}

async function mysqlBench() {
  const u = new URL(values.mysql);
  const settings = {
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username) || 'root',
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
  };
  const conn = await mysql.createConnection(settings);
  try {
    await conn.query(`create database ${tag}`);
    await conn.query(`create table ${tag}.patient (pat_id integer primary key, hosp_no varchar(20), nhs_no varchar(10),
      surname varchar(35), forename varchar(35), dob date, sex char(1), postcode varchar(10))`);
    const t0 = Date.now();
    // In batches of 50,000 from a recursive sequence (no Sequence engine needed).
    // The recursion limit is max_recursive_iterations on MariaDB, cte_max_recursion_depth on MySQL.
    await conn.query('set session max_recursive_iterations = 100000').catch(() => {});
    await conn.query('set session cte_max_recursion_depth = 100000').catch(() => {});
    for (let from = 1; from <= rows; from += 50_000) {
      const to = Math.min(rows, from + 49_999);
      await conn.query(
        `insert into ${tag}.patient with recursive s(g) as (select ? union all select g + 1 from s where g < ?)
         select g, concat('H', g), lpad(9990000000 + g, 10, '0'), concat('SURNAME', g % 997), concat('FORENAME', g % 389),
           date_add('1930-01-01', interval g % 30000 day), if(g % 2 = 0, 'F', 'M'), concat('LS', g % 29, ' ', g % 9, 'AB')
         from s`,
        [from, to],
      );
    }
    console.log(`mysql table made in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const spec = `mysql://${encodeURIComponent(settings.user)}${settings.password ? `:${encodeURIComponent(settings.password)}` : ''}@${settings.host}:${settings.port}/${tag}`;
    print('mysql', await stream(spec, 'patient'));
  } finally {
    await conn.query(`drop database if exists ${tag}`);
    await conn.end();
  }
}

console.log(`connector RSS bench: ${rows.toLocaleString('en-GB')} rows; load average ${loadavg()[0].toFixed(1)}`);
if (values.only !== 'mysql') await postgresBench();
if (values.only !== 'postgres') await mysqlBench();
