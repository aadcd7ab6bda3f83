#!/usr/bin/env node
// API benchmark (issue 19): a `ferry serve` on a fresh PostgreSQL platform database, then 100 concurrent clients
// cycling five authenticated read routes with an API token (autocannon), printing requests/s, p50/p95/p99 latency
// and the status codes seen. The rate limit is raised so it measures the server, not the limiter. Never fails on
// timing; it fails when a request does not answer 200, since a fast error is no throughput. Runs the built CLI.
//
//   node bench/api-bench.mjs [--connections 100] [--seconds 15] [--database postgres://.../test]
//                            [--log-level info] [--server-node-args="--cpu-prof --cpu-prof-dir=/tmp/prof"]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '15' },
    database: {
      type: 'string',
      default: process.env.FERRY_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
    'log-level': { type: 'string', default: 'info' },
    'server-node-args': { type: 'string', default: '' },
  },
});

const cli = new URL('../packages/cli/bin/ferry.js', import.meta.url).pathname;
const password = 'correct horse battery staple bench';
const dbName = `ferry_api_bench_${process.pid}`;

/** A fresh database beside the given one, dropped at the end. */
async function withDatabase(fn) {
  const admin = new pg.Client({ connectionString: values.database });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(values.database);
  url.pathname = `/${dbName}`;
  try {
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

/** Starts `ferry serve` on a free port and resolves with its URL once it listens. */
function startServer(databaseUrl) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ferry-api-bench-'));
  const nodeArgs = values['server-node-args'].split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, cli, 'serve', '--port', '0'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      FERRY_MODE: 'development',
      FERRY_DATA_DIR: dataDir,
      FERRY_RUN_MIGRATIONS: 'true',
      FERRY_BOOTSTRAP_ADMIN_PASSWORD: password,
      FERRY_RATE_LIMIT_PER_MINUTE: '1000000',
      FERRY_LOG_LEVEL: values['log-level'],
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (d) => {
      buffered += d;
      const m = /listening on (http:\/\/\S+)/.exec(buffered);
      if (m) {
        // Keep draining the request log so the server never blocks on a full pipe.
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve({ url: m[1], child });
      }
    };
    child.stdout.on('data', onData);
    child.on('exit', (code) => reject(new Error(`ferry serve exited with ${code}: ${stderr}`)));
  });
}

async function call(url, method, path, { token, cookie, body } = {}) {
  const res = await fetch(url + path, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(cookie ? { cookie } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return { res, json: text ? JSON.parse(text) : undefined };
}

/** Signs in as the bootstrap admin, creates an organisation and returns an API token and the five read routes. */
async function prepare(url) {
  const login = await call(url, 'POST', '/api/auth/login', { body: { email: 'admin@ferry.local', password } });
  const cookies = login.res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('ferry_csrf='))?.split('=')[1];
  const session = { cookie: cookies.join('; ') };
  const post = async (path, body) => {
    const res = await fetch(url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': csrf },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${text}`);
    return JSON.parse(text);
  };
  const org = await post('/api/orgs', { slug: 'bench-trust', name: 'Bench Trust' });
  const { token } = await post('/api/auth/tokens', { name: 'api bench' });
  const routes = [
    '/api/auth/me',
    '/api/orgs',
    `/api/orgs/${org.id}`,
    `/api/orgs/${org.id}/users`,
    `/api/orgs/${org.id}/roles`,
  ];
  for (const r of routes) await call(url, 'GET', r, { token });
  return { token, routes };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** The p-th percentile (0-100) of sorted latencies, in ms. */
function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

await withDatabase(async (databaseUrl) => {
  const { url, child } = await startServer(databaseUrl);
  try {
    const { token, routes } = await prepare(url);
    const connections = Number(values.connections);
    const duration = Number(values.seconds);
    console.log(
      `API bench: ${connections} clients, ${duration} s, routes ${routes.join(' ')}; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    const latencies = [];
    const cpuBefore = cpuSeconds(child.pid);
    const instance = autocannon({
      url,
      connections,
      duration,
      headers: { authorization: `Bearer ${token}` },
      requests: routes.map((path) => ({ method: 'GET', path })),
    });
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
    const result = await instance;
    const cpuMs = ((cpuSeconds(child.pid) - cpuBefore) * 1000) / Math.max(1, latencies.length);
    latencies.sort((a, b) => a - b);
    const ms = (p) => percentile(latencies, p).toFixed(1);
    const statuses = Object.entries(result.statusCodeStats ?? {})
      .map(([code, s]) => `${code}: ${s.count}`)
      .join(', ');
    console.log(
      `requests/s ${(latencies.length / duration).toFixed(0)} (${latencies.length} answered), latency p50 ${ms(50)} ms, p95 ${ms(95)} ms, p99 ${ms(99)} ms, max ${ms(100)} ms`,
    );
    console.log(`server CPU per request ${cpuMs.toFixed(2)} ms (user + system, the server process only)`);
    console.log(
      `status codes: ${statuses}; errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
    );
    if (result.non2xx || result.errors) process.exitCode = 1;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
});
