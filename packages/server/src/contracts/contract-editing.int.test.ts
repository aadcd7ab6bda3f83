import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvSourceConnector, profileSource, writeProfileJson } from '@ferry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantTransaction } from '../db/tenant-transaction.js';
import { runStageDir } from '../jobs/run-artefacts.js';
import { ApiCaller, expectStatus } from '../testing/api-client.js';
import { miniPack } from '../testing/mini-pack.js';
import {
  createOrgUser,
  createTestApp,
  type SeededOrg,
  seedOrganisation,
  type TestApp,
  userPassword,
} from '../testing/test-app.js';
import { describeEachDialect } from '../testing/test-database.js';

/**
 * Contracts edited where analysts work: Alice (mapping analyst) changes one row's source, transform, constant and
 * defaults, removes and adds rows, exports the contract CSV, edits it and imports it back; every change is a new
 * audited version; a change that would not load against the project's catalogs, or malformed CSV, is a 400 naming
 * the row (and line) and attribute; a locked version refuses edits until a new version is started from it. Bob
 * (clinical reviewer) may approve but not edit. The source column's profile comes from the latest profiled run.
 */
await describeEachDialect('contract editing API', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let projectId: string;
  let alice: ApiCaller;
  let bob: ApiCaller;
  let viewer: ApiCaller;
  const contract = (path = '') => `/api/projects/${projectId}/contract${path}`;
  const row = (table: string, column: string) => contract(`/rows/${table}/${column}`);
  const currentHash = async () => expectStatus(await alice.get(contract()), 200).hash as string;
  const rowNamed = async (table: string, column: string) =>
    expectStatus(await alice.get(contract(`/rows?table=${table}&column=${column}`)), 200).items[0];
  const importCsv = (caller: ApiCaller, csv: string, fileName = 'edited.csv') =>
    caller.request('POST', contract(`/import?fileName=${fileName}`), csv, { 'content-type': 'text/csv' });

  async function member(name: string, role: string): Promise<ApiCaller> {
    expectStatus(
      await createOrgUser(org.admin, org.id, {
        email: `${name}@editing.test`,
        displayName: name,
        password: userPassword,
        roles: [role],
      }),
      201,
    );
    return ApiCaller.login(t.app, `${name}@editing.test`, userPassword);
  }

  beforeAll(async () => {
    t = await createTestApp(dialect, { packs: new Map([['mini', miniPack()]]) });
    org = await seedOrganisation(t.app, 'editing');
    alice = await member('alice', 'mapping_analyst');
    bob = await member('bob', 'clinical_reviewer');
    viewer = await member('viewer', 'viewer');
    const lead = await member('lead', 'migration_lead');
    projectId = expectStatus(
      await lead.post(`/api/workspaces/${org.workspaceId}/projects`, { name: 'Mini', pack: 'mini' }),
      201,
    ).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('one row at a time', () => {
    it('edits a row: a new transform, a default and a note; the approved row reopens; audited', async () => {
      expect(expectStatus(await alice.get(contract()), 200).targetTables).toEqual([
        { target: 'LOAD_PMI', source: 'PATIENT' },
        { target: 'LOAD_REFERRALS', source: 'REFERRAL' },
      ]);
      const before = await currentHash();
      const edited = expectStatus(
        await alice.patch(row('LOAD_PMI', 'SURNAME'), {
          transform: ['trim', 'upper'],
          defaults: { development: 'UNKNOWN' },
          notes: 'upper case for the new system',
        }),
        200,
      );
      expect(edited).toMatchObject({ previousHash: before, changed: 1, unchanged: 0, reopened: 1 });
      expect(edited.hash).not.toBe(before);
      expect(edited.row).toMatchObject({
        table: 'LOAD_PMI',
        column: 'SURNAME',
        source: ['SURNAME'],
        transform: ['trim', 'upper'],
        status: 'draft',
        reviewer: null,
        notes: 'upper case for the new system',
        lastAuthor: 'alice@editing.test',
        combine: 'coalesce',
        onInvalid: 'reject',
        defaults: { development: 'UNKNOWN', pre_production: null },
      });
      expect(edited.findings).toEqual([
        expect.objectContaining({ severity: 'error', code: 'NOT_APPROVED', table: 'LOAD_PMI', field: 'SURNAME' }),
      ]);
      const full = JSON.parse((await alice.get(contract('?format=json'))).body);
      expect(full.tables[0].fields[1].defaults).toEqual({ development: 'UNKNOWN' });
      const [version] = expectStatus(await alice.get(contract('/versions')), 200);
      expect(version).toMatchObject({
        hash: edited.hash,
        parentHash: before,
        rowsChanged: 1,
        message: 'contract.row_edit',
      });
      const trail = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=contract.row_*`), 200);
      expect(trail.items[0]).toMatchObject({ action: 'contract.row_edit', actor: 'alice@editing.test' });
      expect(trail.items[0].details).toMatchObject({ from: before, to: edited.hash, row: 'LOAD_PMI.SURNAME' });
    });

    it('keeps the review when only the owner or notes change', async () => {
      const edited = expectStatus(await alice.patch(row('LOAD_PMI', 'RECORD_NUMBER'), { owner: 'PMI team' }), 200);
      expect(edited).toMatchObject({ changed: 1, reopened: 0 });
      expect(edited.row).toMatchObject({ status: 'approved', reviewer: 'Pack', owner: 'PMI team', lastAuthor: null });
    });

    it('refuses an unknown source column, an unknown step and a type conflict, naming the row and attribute', async () => {
      const before = await currentHash();
      const unknown = await alice.patch(row('LOAD_PMI', 'SURNAME'), { source: ['LAST_NAME'] });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error).toMatchObject({
        code: 'FERRY_ERR_CONTRACT_INVALID',
        issues: [
          {
            path: 'LOAD_PMI.SURNAME source_columns',
            table: 'LOAD_PMI',
            column: 'SURNAME',
            field: 'source_columns',
            message: 'SOURCE_COLUMN_UNKNOWN: source column LAST_NAME is not a column of PATIENT',
          },
        ],
      });
      const step = await alice.patch(row('LOAD_PMI', 'SURNAME'), { transform: ['trim', 'shout'] });
      expect(step.statusCode).toBe(400);
      expect(step.json().error.issues).toEqual([
        {
          path: 'LOAD_PMI.SURNAME transform',
          table: 'LOAD_PMI',
          column: 'SURNAME',
          field: 'transform',
          message: 'unknown transform step: shout',
        },
      ]);
      // A date target fed from a date column without the date step: core's type rules call it a missing conversion.
      const conflict = await alice.patch(row('LOAD_REFERRALS', 'RECEIVED_DATE'), { transform: ['trim'] });
      expect(conflict.statusCode).toBe(400);
      expect(conflict.json().error.issues).toEqual([
        expect.objectContaining({ table: 'LOAD_REFERRALS', column: 'RECEIVED_DATE', field: 'transform' }),
      ]);
      expect(conflict.json().error.issues[0].message).toMatch(/^TRANSFORM_MISSING: /);
      expect(await currentHash()).toBe(before);
    });

    it('validates bodies with their schema: review attributes are not editable here', async () => {
      const status = await alice.patch(row('LOAD_PMI', 'SURNAME'), { status: 'approved' });
      expect(status.statusCode).toBe(400);
      expect(status.json().error.code).toBe('FERRY_ERR_INPUT');
      expect((await alice.patch(row('LOAD_PMI', 'SURNAME'), {})).statusCode).toBe(400);
      expect((await alice.patch(row('LOAD_PMI', 'SURNAME'), { source: 'SURNAME' })).json().error.issues).toEqual([
        expect.objectContaining({ path: 'body.source' }),
      ]);
      expect((await alice.patch(row('LOAD_PMI', 'NOPE'), { notes: 'x' })).statusCode).toBe(404);
    });

    it('sets a constant in place of a source, and refuses both at once', async () => {
      const both = await alice.patch(row('LOAD_PMI', 'GENDER'), { constant: '9' });
      expect(both.statusCode).toBe(400);
      expect(both.json().error.issues[0]).toMatchObject({ field: 'constant' });
      const constant = expectStatus(
        await alice.patch(row('LOAD_PMI', 'GENDER'), { source: [], constant: '9', crosswalk: null }),
        200,
      );
      expect(constant.row).toMatchObject({ source: [], constant: '9', crosswalk: null, status: 'draft' });
    });

    it('removes a row (reporting what that leaves unloadable) and adds one back after a named row', async () => {
      const removed = expectStatus(await alice.delete(row('LOAD_PMI', 'GENDER')), 200);
      expect(removed).toMatchObject({ changed: 1, row: null });
      expect(removed.findings).toEqual([
        expect.objectContaining({ severity: 'error', code: 'TARGET_FIELD_MISSING', field: 'GENDER' }),
      ]);
      const unknown = await alice.post(contract('/rows'), {
        table: 'LOAD_PMI',
        column: 'NICKNAME',
        source: ['SURNAME'],
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.issues).toEqual([
        expect.objectContaining({
          column: 'NICKNAME',
          field: 'target_column',
          message: expect.stringMatching(/^TARGET_FIELD_UNKNOWN/),
        }),
      ]);
      const added = expectStatus(
        await alice.post(contract('/rows'), {
          table: 'LOAD_PMI',
          column: 'GENDER',
          after: 'RECORD_NUMBER',
          source: ['SEX'],
          crosswalk: 'gender',
        }),
        201,
      );
      expect(added.row).toMatchObject({ column: 'GENDER', source: ['SEX'], crosswalk: 'gender', status: 'draft' });
      const columns = expectStatus(await alice.get(contract('/rows?table=LOAD_PMI')), 200).items.map(
        (r: { column: string }) => r.column,
      );
      expect(columns).toEqual(['RECORD_NUMBER', 'GENDER', 'SURNAME']);
      const twice = await alice.post(contract('/rows'), { table: 'LOAD_PMI', column: 'GENDER', source: ['SEX'] });
      expect(twice.statusCode).toBe(400);
      expect(twice.json().error.message).toBe('field target: LOAD_PMI.GENDER: the table already has this row');
      const key = await alice.delete(row('LOAD_PMI', 'RECORD_NUMBER'));
      expect(key.statusCode).toBe(400);
      expect(key.json().error.message).toMatch(/target key \(RECORD_NUMBER\)/);
    });

    it('lets only roles with contract.edit change rows', async () => {
      for (const caller of [bob, viewer]) {
        const refused = await caller.patch(row('LOAD_PMI', 'SURNAME'), { notes: 'mine' });
        expect(refused.statusCode).toBe(403);
        expect(refused.json().error.message).toContain('contract.edit');
        expect((await caller.delete(row('LOAD_PMI', 'SURNAME'))).statusCode).toBe(403);
        expect((await importCsv(caller, 'target_table\n')).statusCode).toBe(403);
      }
    });
  });

  describe('CSV export and import', () => {
    it('imports an edited export: changed rows become drafts, reviews of other rows stand, file reviews are ignored', async () => {
      const before = await currentHash();
      const csv = (await alice.get(contract('?format=csv'))).body;
      const lines = csv.trimEnd().split('\n');
      const header = lines[0]!.split(',');
      const at = (name: string) => header.indexOf(name);
      const cells = lines.map((l) => l.split(','));
      const referral = cells.findIndex((c) => c[at('target_column')] === 'LOADPMI_RECORD_NUMBER');
      // Alice notes the referral's patient link, changes the surname's steps, and marks the received date approved
      // in the file (reviews are not imported: it stays a draft).
      cells[referral]![at('notes')] = 'checked against the extract';
      const received = cells.findIndex((c) => c[at('target_column')] === 'RECEIVED_DATE');
      cells[received]![at('status')] = 'approved';
      cells[received]![at('reviewer')] = 'alice@editing.test';
      cells[received]![at('reviewed_at')] = '2026-03-01';
      const surname = cells.findIndex((c) => c[at('target_column')] === 'SURNAME');
      cells[surname]![at('transform')] = 'trim|title_case';
      const imported = expectStatus(await importCsv(alice, `${cells.map((c) => c.join(',')).join('\n')}\n`), 200);
      expect(imported).toMatchObject({
        previousHash: before,
        added: [],
        removed: [],
        changed: [{ table: 'LOAD_PMI', column: 'SURNAME' }],
        reopened: 0,
        reviewIgnored: 1,
      });
      expect(await rowNamed('LOAD_REFERRALS', 'RECEIVED_DATE')).toMatchObject({ status: 'draft', reviewer: null });
      expect(await rowNamed('LOAD_REFERRALS', 'LOADPMI_RECORD_NUMBER')).toMatchObject({
        status: 'approved',
        reviewer: 'Pack',
        notes: 'checked against the extract',
      });
      expect(await rowNamed('LOAD_PMI', 'SURNAME')).toMatchObject({
        transform: ['trim', 'title_case'],
        lastAuthor: 'alice@editing.test',
      });
      const trail = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=contract.import`), 200);
      expect(trail.items[0].details).toMatchObject({ from: before, to: imported.hash, fileName: 'edited.csv' });
      // The current version exported and imported again is the same content: no new version.
      const again = (await alice.get(contract('?format=csv'))).body;
      expect(expectStatus(await importCsv(alice, again), 200)).toMatchObject({ hash: imported.hash, changed: [] });
    });

    it('answers malformed CSV with one issue per problem, naming line and column', async () => {
      const csv = (await alice.get(contract('?format=csv'))).body;
      const lines = csv.trimEnd().split('\n');
      const header = lines[0]!.split(',');
      const cells = lines.map((l) => l.split(','));
      cells[2]![header.indexOf('mandatory')] = 'maybe';
      cells[3]![header.indexOf('transform')] = 'trim|tirm';
      const bad = await importCsv(alice, `${cells.map((c) => c.join(',')).join('\n')}\n`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('FERRY_ERR_CONTRACT_INVALID');
      expect(bad.json().error.issues).toEqual([
        { path: 'line 3 mandatory', line: 3, field: 'mandatory', message: "'maybe' is not Y or N" },
        { path: 'line 4 transform', line: 4, field: 'transform', message: "unknown transform step 'tirm'" },
      ]);
      const empty = await importCsv(alice, 'target_table,target_column\nLOAD_PMI,SURNAME\n');
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.message).toMatch(
        /^edited\.csv: 28 errors in the contract:\n {2}edited\.csv:1 field source_table: required column is missing/,
      );
      expect(empty.json().error.issues).toHaveLength(28);
      const notCsv = await alice.request('POST', contract('/import'), { csv: 'x' });
      expect(notCsv.statusCode).toBe(400);
    });

    it('refuses rows that would not load against the catalogs, naming the CSV line', async () => {
      const before = await currentHash();
      const csv = (await alice.get(contract('?format=csv'))).body;
      const lines = csv.trimEnd().split('\n');
      const header = lines[0]!.split(',');
      const cells = lines.map((l) => l.split(','));
      const surname = cells.findIndex((c) => c[header.indexOf('target_column')] === 'SURNAME');
      cells[surname]![header.indexOf('source_columns')] = 'FAMILY_NAME';
      cells[surname]![header.indexOf('target_column')] = 'FAMILY_NAME';
      const bad = await importCsv(alice, `${cells.map((c) => c.join(',')).join('\n')}\n`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.issues).toEqual([
        {
          path: `line ${surname + 1} LOAD_PMI.FAMILY_NAME target_column`,
          line: surname + 1,
          table: 'LOAD_PMI',
          column: 'FAMILY_NAME',
          field: 'target_column',
          message: 'TARGET_FIELD_UNKNOWN: not a column of LOAD_PMI',
        },
      ]);
      expect(await currentHash()).toBe(before);
    });
  });

  describe('locks', () => {
    it('refuses edits and imports of a locked version until a new version is started from it', async () => {
      const csv = (await alice.get(contract('?format=csv'))).body;
      const locked = expectStatus(await alice.post(contract('/lock')), 200);
      const edit = await alice.patch(row('LOAD_PMI', 'SURNAME'), { notes: 'after the lock' });
      expect(edit.statusCode).toBe(409);
      expect(edit.json().error.code).toBe('FERRY_ERR_CONTRACT_LOCKED');
      expect(edit.json().error.message).toMatch(
        /cannot edit row LOAD_PMI\.SURNAME: contract mini 1\.0\.0 .* is locked/,
      );
      expect((await alice.delete(row('LOAD_PMI', 'SURNAME'))).statusCode).toBe(409);
      const sameLabel = await importCsv(alice, csv);
      expect(sameLabel.statusCode).toBe(409);
      expect(sameLabel.json().error.message).toMatch(/label 1\.0\.0 belongs to locked version/);
      const lockedInFile = await importCsv(alice, csv.replaceAll(',1.0.0,Legacy,LOAD,N', ',1.1.0,Legacy,LOAD,Y'));
      expect(lockedInFile.statusCode).toBe(400);
      expect(lockedInFile.json().error.issues).toEqual([expect.objectContaining({ field: 'contract_locked' })]);
      expect((await alice.post(contract('/drafts'), { label: '1.0.0' })).statusCode).toBe(409);
      const draft = expectStatus(await alice.post(contract('/drafts'), { label: '1.1.0' }), 201);
      expect(draft.previousHash).toBe(locked.hash);
      expect(expectStatus(await alice.get(contract()), 200)).toMatchObject({ label: '1.1.0', locked: false });
      expectStatus(await alice.patch(row('LOAD_PMI', 'SURNAME'), { notes: 'after the lock' }), 200);
      expect((await alice.post(contract('/drafts'), { label: '1.2.0' })).statusCode).toBe(409);
      // The locked version is still there, unchanged, and still owns its label.
      const versions = expectStatus(await alice.get(contract('/versions')), 200);
      expect(versions.filter((v: { locked: boolean }) => v.locked).map((v: { hash: string }) => v.hash)).toEqual([
        locked.hash,
      ]);
    });
  });

  describe('source column profile', () => {
    it('is a 404 until a run has profiled the source, then shows the column from the latest run', async () => {
      const path = `/api/projects/${projectId}/profile/columns/PATIENT/SEX`;
      const none = await alice.get(path);
      expect(none.statusCode).toBe(404);
      expect(none.json().error.message).toBe("The project's source has not been profiled yet");

      // A run whose profile stage profiled a small extract (real profiler, real artefact on disk).
      const extract = await mkdtemp(join(tmpdir(), 'ferry-extract-'));
      const sexes = [...'MMMMMMFFFFF', '', 'X'];
      await writeFile(
        join(extract, 'PATIENT.csv'),
        `PAT_ID,SURNAME,SEX,REC_STATUS\n${sexes.map((s, i) => `${i + 1},NAME${i},${s},A`).join('\n')}\n`,
      );
      const report = await profileSource(await CsvSourceConnector.open(extract), { smallCellThreshold: 5 });
      await rm(extract, { recursive: true, force: true });
      const run = await tenantTransaction(t.database.db, { orgId: org.id, userId: null, platformAccess: false }, (tx) =>
        tx.db
          .insertInto('runs')
          .values({
            organisation_id: org.id,
            project_id: projectId,
            status: 'succeeded',
            lifecycle_run_id: 'run-profiled',
            outcome: 'PASS',
            release_profile: 'development',
            source: JSON.stringify({ kind: 'generated' }),
            contract_hash: 'x'.repeat(64),
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
      const dir = runStageDir(t.config.dataDir, run, 'profile');
      await mkdir(dir, { recursive: true });
      await writeProfileJson(report, join(dir, 'profile.json'));

      const profile = expectStatus(await alice.get(path), 200);
      expect(profile).toMatchObject({
        runId: run.id,
        from: 'run',
        smallCellThreshold: 5,
        table: { name: 'PATIENT', rows: 13, raggedRows: 0 },
        column: {
          name: 'SEX',
          rows: 13,
          nulls: 1,
          nonEmpty: 12,
          distinct: 3,
          // X is seen once: a small cell, suppressed.
          topValues: [
            { value: 'M', count: 6 },
            { value: 'F', count: 5 },
          ],
          suppressed: 1,
        },
      });
      const trail = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=profile.read`), 200);
      expect(trail.items[0]).toMatchObject({
        actor: 'alice@editing.test',
        details: { table: 'PATIENT', column: 'SEX' },
      });
      expect((await alice.get(`/api/projects/${projectId}/profile/columns/PATIENT/NOPE`)).statusCode).toBe(404);
    });
  });

  it('documents the editing routes and their schemas in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const rowPath = doc.paths['/api/projects/{projectId}/contract/rows/{table}/{column}'];
    expect(Object.keys(rowPath).sort()).toEqual(['delete', 'patch']);
    const patchBody = rowPath.patch.requestBody.content['application/json'].schema;
    expect(Object.keys(patchBody.properties)).toEqual(
      expect.arrayContaining(['source', 'constant', 'transform', 'defaults', 'crosswalk', 'notes']),
    );
    expect(rowPath.patch.responses['200'].content['application/json'].schema.properties.findings).toBeDefined();
    expect(
      doc.paths['/api/projects/{projectId}/contract/rows'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['table', 'column']);
    const importOp = doc.paths['/api/projects/{projectId}/contract/import'].post;
    expect(Object.keys(importOp.requestBody.content)).toEqual(['text/csv']);
    expect(doc.paths['/api/projects/{projectId}/contract/drafts'].post).toBeDefined();
    expect(doc.paths['/api/projects/{projectId}/profile/columns/{table}/{column}'].get).toBeDefined();
    expect(doc.paths['/api/contract/transform-steps'].get).toBeDefined();
  });
});
