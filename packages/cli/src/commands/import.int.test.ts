import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresDatabase, postgresReachable, testDatabaseUrl } from '@ferry/core';
import { shippedPacks } from '@ferry/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFerry } from '../testing/run-ferry.js';

const name = `ferry_import_cli_${process.pid}`;

/**
 * `ferry import` as a practice runs it: an Acuity export's patients file, then the whole folder (patients skipped as
 * duplicates), rejects grouped by reason with their lines, and rollbacks in the right order.
 */
describe.runIf(await postgresReachable())('ferry import', () => {
  let url: string;
  let db: PostgresDatabase;
  let company: string;
  let source: string;
  const saved = process.env.DATABASE_URL;

  beforeAll(async () => {
    const admin = await PostgresDatabase.open(testDatabaseUrl, { max: 1 });
    await admin.exec(`CREATE DATABASE "${name}"`);
    await admin.close();
    const u = new URL(testDatabaseUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    process.env.DATABASE_URL = url;
    expect((await runFerry('db', 'migrate')).code).toBe(0);
    db = await PostgresDatabase.open(url, { max: 1 });
    [{ id: company }] = (await db.query<{ id: string }>(
      `INSERT INTO organisations (slug, name) VALUES ('acuity-eyes', 'Acuity Eyes') RETURNING id`,
    )) as [{ id: string }];
    const out = await mkdtemp(join(tmpdir(), 'ferry-import-cli-'));
    await shippedPacks.get('optical:acuity').generate({ patients: 40, seed: 2, defects: 'typical', outDir: out });
    source = join(out, 'source');
  }, 180_000);
  afterAll(async () => {
    await db?.close();
    process.env.DATABASE_URL = saved;
    if (saved === undefined) delete process.env.DATABASE_URL;
    const admin = await PostgresDatabase.open(testDatabaseUrl, { max: 1 });
    await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.close();
  });

  it('imports a file, then a folder, and rolls back children first', async () => {
    const flags = ['--company', company, '--source-system', 'acuity', '--skip-duplicates', '--continue-on-error'];
    const patients = await runFerry(
      'import',
      'patients',
      join(source, 'patients.csv'),
      ...flags,
      '--preset',
      'acuity-patients',
      '--batch-size',
      '1000',
    );
    expect(patients.code).toBe(1); // the typical defects reject some patients
    expect(patients.stdout).toMatch(/completed: 40 read, \d+ imported, 0 skipped, \d+ rejected/);
    expect(patients.stdout).toMatch(/ {4}patients\.csv line \d+ patient \d+ /);
    const first = /Import job (\S+)/.exec(patients.stdout)![1]!;

    const all = await runFerry('import', 'all', source, ...flags, '--json');
    const job = JSON.parse(all.stdout.trim().split('\n').pop()!);
    const imported = Number(/(\d+) imported/.exec(patients.stdout)![1]);
    expect(job).toMatchObject({ status: 'completed', preset: 'optical:acuity' });
    expect(job.counts.skipped).toBe(imported);
    expect(job.counts.read).toBe(job.counts.imported + job.counts.skipped + job.counts.rejected);
    expect(job.rejects.map((g: { reasonCode: string }) => g.reasonCode)).toContain('ORPHAN');

    const refused = await runFerry('import-rollback', first, '--company', company);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/roll that job back first/);
    expect((await runFerry('import-rollback', job.jobId, '--company', company)).code).toBe(0);
    const rolled = await runFerry('import-rollback', first, '--company', company);
    expect(rolled.stdout).toBe(`Rolled back import job ${first}: ${imported} records removed\n`);
    expect(await db.query('SELECT 1 FROM practice_records')).toEqual([]);
  }, 180_000);

  it('refuses a company id that is not an organisation id, and an unknown record type, with exit 2', async () => {
    const bad = await runFerry('import', 'patients', source, '--company', 'eyes', '--source-system', 'acuity');
    expect({ code: bad.code, err: bad.stderr }).toEqual({
      code: 2,
      err: 'ferry: The company id is an organisation id (a UUID)\n',
    });
    const unknown = await runFerry('import', 'spectacles', source, '--company', company, '--source-system', 'acuity');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown record type 'spectacles'.*Record types: patients, examinations/);
  });
});
