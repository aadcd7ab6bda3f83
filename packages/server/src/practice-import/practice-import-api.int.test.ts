import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseCsvText } from '@ferry/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { shippedPacks } from '../packs/pack-registry.js';
import { ApiCaller, expectStatus } from '../testing/api-client.js';
import {
  createOrgUser,
  createTestApp,
  type SeededOrg,
  seedOrganisation,
  type TestApp,
  testAdmin,
  userPassword,
} from '../testing/test-app.js';
import { describeEachDialect } from '../testing/test-database.js';

type Row = Record<string, string>;

async function csvObjects(path: string): Promise<Row[]> {
  const [header, ...rows] = parseCsvText(await readFile(path, 'utf8'));
  return rows.map((r) => Object.fromEntries(header!.map((c, i) => [c, r[i] ?? ''])));
}

/** The files of an uncompressed tar archive by name. */
function untar(tar: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  for (let at = 0; at + 512 <= tar.length; ) {
    const name = tar
      .subarray(at, at + 100)
      .toString('utf8')
      .replace(/\0.*$/s, '');
    if (!name) break;
    const size = Number.parseInt(
      tar
        .subarray(at + 124, at + 136)
        .toString('utf8')
        .replace(/\0.*$/s, '')
        .trim(),
      8,
    );
    files.set(name, tar.subarray(at + 512, at + 512 + size).toString('utf8'));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/**
 * The practice import API, told as a practice's story: a practice lead of company One imports an Optix export's
 * patients and examinations as JSON batches (two jobs), sees them counted, imports again (duplicates skipped or
 * rejected), and rolls back; company Two imports the same export independently and its lead can neither see nor
 * roll back One's jobs. Row-level security does the separating.
 */
await describeEachDialect('practice import API', (dialect) => {
  let t: TestApp;
  let one: SeededOrg;
  let two: SeededOrg;
  let leadOne: ApiCaller;
  let leadTwo: ApiCaller;
  let patients: Row[];
  let exams: Row[];
  let expected: { patients: number; exams: number };

  beforeAll(async () => {
    t = await createTestApp(dialect, { config: { rateLimitPerMinute: 1_000_000 } });
    const root = await ApiCaller.login(t.app, testAdmin.email, testAdmin.password);
    one = await seedOrganisation(t.app, 'optics-one', root);
    two = await seedOrganisation(t.app, 'optics-two', root);
    const lead = async (org: SeededOrg) => {
      const email = `lead@${org.slug}.test`;
      const roles = ['org_admin', 'migration_lead'];
      expectStatus(
        await createOrgUser(root, org.id, { email, displayName: 'Lead', password: userPassword, roles }),
        201,
      );
      return ApiCaller.login(t.app, email, userPassword);
    };
    leadOne = await lead(one);
    leadTwo = await lead(two);
    const out = await mkdtemp(join(tmpdir(), 'ferry-practice-api-'));
    await shippedPacks.get('optical:optix').generate({ patients: 15, seed: 4, defects: 'none', outDir: out });
    patients = await csvObjects(join(out, 'source', 'patients.csv'));
    exams = await csvObjects(join(out, 'source', 'eye_examinations.csv'));
    expected = {
      patients: (await csvObjects(join(out, 'expected', 'patient.csv'))).length,
      exams: (await csvObjects(join(out, 'expected', 'examination.csv'))).length,
    };
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const importJob = async (caller: ApiCaller, body: object, records: Row[]) => {
    const job = expectStatus(await caller.post('/api/migrations', body), 201);
    return expectStatus(
      await caller.post(`/api/migrations/${job.jobId}/records`, { file: 'upload.csv', records }),
      200,
    );
  };

  it('lists the record-type presets of every vendor with their field maps', async () => {
    const { presets } = expectStatus(await leadOne.get('/api/migration-presets'), 200);
    const names = presets.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['optix-patients', 'occuco-examinations', 'acuity-lab-orders']));
    const optix = presets.find((p: { name: string }) => p.name === 'optix-patients');
    expect(optix).toMatchObject({ preset: 'optical:optix', sourceTable: 'patients', targetTable: 'patient' });
    expect(optix.fields).toContainEqual({ target: 'date_of_birth', source: ['dob'], transform: ['date'] });
    expect(presets.find((p: { name: string }) => p.name === 'optix-examinations').parents).toEqual(['patients']);
  });

  it('imports patients then examinations, each to its file and line; rollback removes exactly one job, one company', async () => {
    const p = await importJob(leadOne, { preset: 'optix-patients' }, patients);
    expect(p).toMatchObject({ status: 'open', recordType: 'patients', companyId: one.id });
    expect(p.counts).toEqual({
      read: patients.length,
      imported: expected.patients,
      skipped: 0,
      rejected: 0,
      outOfScope: 0,
    });
    const e = await importJob(leadOne, { sourceSystem: 'optix', recordType: 'examinations' }, exams);
    expect(e.counts.imported).toBe(expected.exams);
    expectStatus(await leadOne.post(`/api/migrations/${e.jobId}/complete`), 200);
    const done = expectStatus(await leadOne.get(`/api/migrations/${e.jobId}`), 200);
    expect(done).toMatchObject({ status: 'completed', rejects: [] });
    expect(
      expectStatus(await leadOne.post(`/api/migrations/${e.jobId}/records`, { records: [exams[0]] }), 409).error.code,
    ).toBe('FERRY_ERR_CONFLICT');

    const [lineage] = await t.database.db.query<{ source_file: string; source_line: number; organisation_id: string }>(
      `SELECT source_file, source_line, organisation_id FROM practice_records WHERE job_id = $1 AND record_key = $2`,
      [p.jobId, patients[0]!.patient_id],
    );
    expect(lineage).toEqual({ source_file: 'upload.csv', source_line: 1, organisation_id: one.id });

    // Company Two imports the same export: its own records, the same keys.
    const p2 = await importJob(leadTwo, { preset: 'optix-patients' }, patients);
    expect(p2.counts.imported).toBe(expected.patients);

    // Two's lead sees none of One's jobs, and cannot roll one back or add to it.
    for (const res of [
      await leadTwo.get(`/api/migrations/${p.jobId}`),
      await leadTwo.post(`/api/migrations/${p.jobId}/rollback`),
      await leadTwo.post(`/api/migrations/${p.jobId}/records`, { records: [patients[0]] }),
      await leadTwo.post(`/api/migrations/${p.jobId}/complete`),
    ])
      expect({ status: res.statusCode, code: res.json().error.code }).toEqual({
        status: 404,
        code: 'FERRY_ERR_NOT_FOUND',
      });
    expect(
      expectStatus(await leadTwo.post('/api/migrations', { companyId: one.id, preset: 'optix-patients' }), 403),
    ).toBeTruthy();

    // The patients job cannot go while the examinations job links to its patients.
    expect(expectStatus(await leadOne.post(`/api/migrations/${p.jobId}/rollback`), 409).error.message).toMatch(
      /roll that job back first/,
    );
    expect(expectStatus(await leadOne.post(`/api/migrations/${e.jobId}/rollback`), 200)).toMatchObject({
      status: 'rolled_back',
      removed: expected.exams,
    });
    expect(expectStatus(await leadOne.post(`/api/migrations/${p.jobId}/rollback`), 200).removed).toBe(
      expected.patients,
    );
    expectStatus(await leadOne.post(`/api/migrations/${p.jobId}/rollback`), 409);
    const held = await t.database.db.query<{ organisation_id: string; n: number }>(
      'SELECT organisation_id, count(*)::int AS n FROM practice_records GROUP BY organisation_id',
    );
    expect(held).toEqual([{ organisation_id: two.id, n: expected.patients }]);
    const actions = await t.database.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE organisation_id = $1 AND action LIKE 'practice_import.%' ORDER BY seq`,
      [one.id],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'practice_import.create',
      'practice_import.records',
      'practice_import.create',
      'practice_import.records',
      'practice_import.complete',
      'practice_import.rollback',
      'practice_import.rollback',
    ]);
  }, 120_000);

  it('a second import skips duplicates when asked, else rejects them, grouped by reason with their lines', async () => {
    const first = await importJob(leadTwo, { preset: 'optix-patients', skipDuplicates: true }, patients);
    expect(first.counts).toMatchObject({ imported: 0, skipped: patients.length, rejected: 0 });
    const again = await importJob(leadTwo, { preset: 'optix-patients', continueOnError: true }, patients.slice(0, 3));
    expect(again.counts).toMatchObject({ imported: 0, rejected: 3 });
    const view = expectStatus(await leadTwo.get(`/api/migrations/${again.jobId}`), 200);
    expect(view.rejects).toEqual([
      expect.objectContaining({
        reasonCode: 'DUPLICATE_KEY',
        count: 3,
        rows: [1, 2, 3].map((line) => expect.objectContaining({ sourceFile: 'upload.csv', sourceLine: line })),
      }),
    ]);
  });

  it("exports a company's records as CSV and JSON in one archive, for its admins only", async () => {
    const res = await leadTwo.get(`/api/orgs/${two.id}/export`);
    expect(res.statusCode).toBe(200);
    const files = untar(gunzipSync((res as unknown as { rawPayload: Buffer }).rawPayload));
    const folder = `company-export-${two.id}`;
    expect([...files.keys()].sort()).toEqual(
      [`${folder}/manifest.json`, `${folder}/patient.csv`, `${folder}/patient.json`].sort(),
    );
    const csvLines = files.get(`${folder}/patient.csv`)!.trimEnd().split('\n');
    expect(csvLines).toHaveLength(expected.patients + 1);
    expect(csvLines[0]).toMatch(/^record_key,source_file,source_line,.*date_of_birth/);
    const json = JSON.parse(files.get(`${folder}/patient.json`)!);
    expect(json).toHaveLength(expected.patients);
    expect(json[0]).toMatchObject({ recordType: 'patient', sourceFile: 'upload.csv' });
    expect(JSON.parse(files.get(`${folder}/manifest.json`)!).recordTypes).toEqual([
      { recordType: 'patient', records: expected.patients, csv: 'patient.csv', json: 'patient.json' },
    ]);
    expect(expectStatus(await leadOne.get(`/api/orgs/${two.id}/export`), 404).error.code).toBe('FERRY_ERR_NOT_FOUND');
    const [audited] = await t.database.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE organisation_id = $1 AND action = 'org.data_export'`,
      [two.id],
    );
    expect(audited!.n).toBe(1);
  });

  it('without continue-on-error a bad record fails the job, naming its line; unknown columns are refused', async () => {
    const bad = patients
      .slice(0, 2)
      .map((r, i) => ({ ...r, patient_id: `9900${i}`, dob: i === 1 ? '31/02/1990' : r.dob! }));
    const job = await importJob(leadOne, { preset: 'optix-patients' }, bad);
    expect(job).toMatchObject({ status: 'failed', counts: { imported: 0, rejected: 1 } });
    expect(job.error).toMatch(/upload\.csv line 2: DATE_FORMAT_MISMATCH|upload\.csv line 2: INVALID_VALUE/);
    const other = expectStatus(await leadOne.post('/api/migrations', { preset: 'optix-patients' }), 201);
    const refused = expectStatus(
      await leadOne.post(`/api/migrations/${other.jobId}/records`, { records: [{ patient_id: '1', shoe_size: '9' }] }),
      400,
    );
    expect(refused.error.message).toMatch(/shoe_size/);
    expect(
      expectStatus(await leadOne.post('/api/migrations', { preset: 'nobody-patients' }), 400).error.message,
    ).toMatch(/optical:optix/);
  });
});
