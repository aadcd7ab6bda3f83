import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema, postgresReachable, testDatabaseUrl } from '@ferry/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recheckRunSource } from '../../connectors/connector-run-source.js';
import { tenantTransaction } from '../../db/tenant-transaction.js';
import { projectRunDir } from '../../jobs/project-run-paths.js';
import { ApiCaller, expectStatus } from '../../testing/api-client.js';
import { miniPack } from '../../testing/mini-pack.js';
import { seedEmptyPglite } from '../../testing/pglite-template.js';
import {
  createOrgUser,
  createTestApp,
  type SeededOrg,
  seedOrganisation,
  type TestApp,
  testAdmin,
  userPassword,
} from '../../testing/test-app.js';
import { describeEachDialect } from '../../testing/test-database.js';

/** A multipart/form-data body with one file field. */
function multipart(fileName: string, content: Buffer | string) {
  const boundary = `----ferry${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const pgUp = await postgresReachable();
/** The test PostgreSQL's `host:port` (loopback; on the PostgreSQL dialect also the platform's own database). */
const testDbHost = (() => {
  const u = new URL(testDatabaseUrl);
  return `${u.hostname}:${u.port || 5432}`;
})();

/**
 * Source connectors through the API. An ETL engineer configures a CSV upload connector, uploads a small legacy
 * extract (the mini pack's generator), tests it, discovers its schema, previews rows (audited) and runs the lifecycle
 * from it; bad uploads are refused with clear errors; a server folder connector stays inside the folders the operator
 * allowed its organisation (never another organisation's); a PostgreSQL connector reaches only the database hosts
 * the operator allowed, never the platform's own database, and keeps its password sealed and write-only; connection
 * tests are audited and rate-limited.
 */
await describeEachDialect('connectors API', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let projectId: string;
  let etl: ApiCaller;
  let analyst: ApiCaller;
  let viewer: ApiCaller;
  let extract: string;
  let roots: string;
  /** This organisation's folder (the operator's allowance), inside the server's roots. */
  let mine: string;
  /** Another organisation's folder, inside the same server roots. */
  let theirs: string;
  let root: ApiCaller;
  let uploadId: string;

  async function member(name: string, role: string): Promise<ApiCaller> {
    expectStatus(
      await createOrgUser(org.admin, org.id, {
        email: `${name}@conn.test`,
        displayName: name,
        password: userPassword,
        roles: [role],
      }),
      201,
    );
    return ApiCaller.login(t.app, `${name}@conn.test`, userPassword);
  }
  const upload = (connectorId: string, name: string, content: Buffer | string, caller = etl) => {
    const { payload, headers } = multipart(name, content);
    return caller.request('POST', `/api/connectors/${connectorId}/files`, payload, headers);
  };
  const create = (body: object, caller = etl) => caller.post(`/api/projects/${projectId}/connectors`, body);
  const message = (res: { json(): { error: { message: string } } }) => res.json().error.message;
  /** The audit events of one action on one target, newest first. */
  const audited = async (action: string, targetId: string) =>
    (
      expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=${action}&targetId=${targetId}`), 200)
        .items as { details: unknown; before: unknown; after: unknown }[]
    ).map((e) => e.details);

  beforeAll(async () => {
    roots = await mkdtemp(join(tmpdir(), 'ferry-roots-'));
    mine = join(roots, 'conn');
    theirs = join(roots, 'other');
    extract = join(mine, 'trust-a');
    await miniPack().generate({ patients: 6, seed: 1, defects: 'none', outDir: join(roots, 'gen') });
    await mkdir(extract, { recursive: true });
    await mkdir(theirs);
    for (const table of ['PATIENT', 'REFERRAL']) {
      const csv = await readFile(join(roots, 'gen', 'source', `${table}.csv`));
      await writeFile(join(extract, `${table}.csv`), csv);
      await writeFile(join(theirs, `${table}.csv`), csv);
    }
    t = await createTestApp(dialect, {
      packs: new Map([['mini', miniPack()]]),
      // The test's PostgreSQL is on loopback (and is the platform database on PostgreSQL): the operator allows it.
      config: {
        sourceUploads: { maxBytes: 8192 },
        sourceRoots: [roots],
        localDbHosts: [testDbHost],
        connectionTestsPerMinute: 1000,
      },
    });
    root = await ApiCaller.login(t.app, testAdmin.email, testAdmin.password);
    org = await seedOrganisation(t.app, 'conn', root);
    expectStatus(await root.put(`/api/orgs/${org.id}/source-folders`, { folders: [mine] }), 200);
    etl = await member('etl', 'etl_engineer');
    analyst = await member('analyst', 'mapping_analyst');
    viewer = await member('viewer', 'viewer');
    projectId = expectStatus(
      await org.admin.post(`/api/workspaces/${org.workspaceId}/projects`, { name: 'PAS', pack: 'mini' }),
      201,
    ).id;
    await seedEmptyPglite(join(projectRunDir(t.config.dataDir, projectId), 'target'));
  });
  afterAll(async () => {
    await t?.close();
    await rm(roots, { recursive: true, force: true });
  });

  it('lists the connector types', async () => {
    const types = expectStatus(await viewer.get('/api/connector-types'), 200);
    expect(types.map((x: { type: string; available: boolean }) => [x.type, x.available])).toEqual([
      ['csv-directory', true],
      ['csv-upload', true],
      // The operator has allowed this organisation no database host yet.
      ['postgres', false],
      // File types read inside the organisation's folders (it has one); MySQL needs an allowed host too.
      ['json', true],
      ['xlsx', true],
      ['dump', true],
      ['mysql', false],
    ]);
  });

  it('configures a CSV upload connector, uploads an extract, tests, discovers and previews it (audited)', async () => {
    const connector = expectStatus(await create({ name: 'PAS extract', type: 'csv-upload' }), 201);
    uploadId = connector.id;
    expect(connector).toMatchObject({ type: 'csv-upload', config: { encoding: 'auto' }, passwordSet: false });
    const failing = expectStatus(await etl.post(`/api/connectors/${uploadId}/test`), 200);
    expect(failing).toEqual({
      ok: false,
      checks: [{ name: 'open', ok: false, message: 'Connector PAS extract has no uploaded CSV files yet' }],
    });
    for (const table of ['PATIENT', 'REFERRAL']) {
      const file = expectStatus(
        await upload(uploadId, `${table}.csv`, await readFile(join(extract, `${table}.csv`))),
        201,
      );
      expect(file).toMatchObject({ table, fileName: `${table}.csv`, encoding: 'utf-8', records: 6 });
    }
    // A new upload of a table replaces the old one.
    const patients = await readFile(join(extract, 'PATIENT.csv'), 'utf8');
    expectStatus(await upload(uploadId, 'PATIENT.csv', patients), 201);
    const files = expectStatus(await viewer.get(`/api/connectors/${uploadId}/files`), 200);
    expect(files.map((f: { table: string }) => f.table)).toEqual(['PATIENT', 'REFERRAL']);

    const tested = expectStatus(await etl.post(`/api/connectors/${uploadId}/test`), 200);
    expect(tested.ok).toBe(true);
    expect(tested.checks.map((c: { name: string }) => c.name)).toEqual([
      'files',
      'PATIENT.csv',
      'REFERRAL.csv',
      'pack catalog',
    ]);
    expect(tested.checks[1].message).toBe('utf-8, 4 columns, first 6 record(s) read');
    expect(tested.checks[3].message).toBe('all 2 in-scope tables of mini-source are there, with their columns');

    const schema = expectStatus(await viewer.get(`/api/connectors/${uploadId}/schema`), 200);
    expect(schema.sampleRows).toBe(1000);
    expect(schema.tables.map((x: { name: string }) => x.name)).toEqual(['PATIENT', 'REFERRAL']);
    expect(schema.tables[0].columns.map((c: { name: string; dataType: string }) => `${c.name}:${c.dataType}`)).toEqual([
      'PAT_ID:integer',
      'SURNAME:string',
      'SEX:code',
      'REC_STATUS:code',
    ]);
    expect(schema.tables[1].columns.find((c: { name: string }) => c.name === 'RCVD_DT').dataType).toBe('date');

    const page1 = expectStatus(await etl.get(`/api/connectors/${uploadId}/tables/PATIENT/rows?pageSize=4`), 200);
    expect(page1).toMatchObject({
      table: 'PATIENT',
      columns: ['PAT_ID', 'SURNAME', 'SEX', 'REC_STATUS'],
      page: 1,
      hasMore: true,
    });
    expect(page1.rows).toHaveLength(4);
    // The ETL engineer lacks data.identifiable: the surnames are keyed-hash tokens, the rest as written.
    const first = patients.split('\n')[1]!.split(',');
    expect(page1.rows[0]).toEqual([first[0], expect.stringMatching(/^ID-[0-9a-f]{16}$/), first[2], first[3]]);
    expect(page1).toMatchObject({ masked: true, identifiers: [{ column: 'SURNAME', kind: 'name', from: 'guessed' }] });
    expect(page1.lines).toEqual([2, 3, 4, 5]);
    const page2 = expectStatus(await etl.get(`/api/connectors/${uploadId}/tables/PATIENT/rows?page=2&pageSize=4`), 200);
    expect({ rows: page2.rows.length, hasMore: page2.hasMore }).toEqual({ rows: 2, hasMore: false });
    const unknown = await etl.get(`/api/connectors/${uploadId}/tables/WARD/rows`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).not.toContain(t.config.dataDir);

    const trail = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=connector.*`), 200);
    expect(trail.items.map((e: { action: string }) => e.action)).toEqual([
      'connector.preview',
      'connector.preview',
      'connector.test',
      'connector.file_upload',
      'connector.file_upload',
      'connector.file_upload',
      'connector.test',
      'connector.create',
      'connector.folders_set',
    ]);
    expect(trail.items[0].details).toEqual({
      projectId,
      table: 'PATIENT',
      page: 2,
      pageSize: 4,
      rows: 2,
      identifierColumns: 1,
      masked: true,
    });
  });

  it('offers patient-level previews and changes only to the roles that have them', async () => {
    expect((await viewer.get(`/api/connectors/${uploadId}`)).statusCode).toBe(200);
    for (const caller of [viewer, analyst]) {
      const res = await caller.get(`/api/connectors/${uploadId}/tables/PATIENT/rows`);
      expect(res.json().error.message).toBe('This needs the connector.preview permission');
    }
    expect((await create({ name: 'X', type: 'csv-upload' }, viewer)).statusCode).toBe(403);
    expect((await upload(uploadId, 'PATIENT.csv', 'PAT_ID\n1\n', analyst)).statusCode).toBe(403);
    expect((await viewer.post(`/api/connectors/${uploadId}/test`)).statusCode).toBe(403);
  });

  it('refuses bad uploads with clear errors and keeps nothing of them', async () => {
    const bad = async (name: string, content: Buffer | string) => {
      const res = await upload(uploadId, name, content);
      return { status: res.statusCode, code: res.json().error.code, message: res.json().error.message };
    };
    for (const name of ['../../x.csv', '..\\x.csv', 'a/b.csv', '.csv', 'PATIENT.txt', 'PATIENT.csv.exe']) {
      expect({ name, ...(await bad(name, 'A\n1\n')) }).toMatchObject({ name, status: 400, code: 'FERRY_ERR_INPUT' });
    }
    expect(await bad('WARD.csv', 'WARD_ID,NAME\n1,Oak\n2,Elm,extra\n3\n4,Ash\n')).toEqual({
      status: 400,
      code: 'FERRY_ERR_CSV_RAGGED_ROW',
      message: "WARD.csv: 2 records have a field count other than the header's 2 (line 3 has 3, line 4 has 1)",
    });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('WARD_ID\n1\n', 'utf16le')]);
    expect(await bad('WARD.csv', utf16)).toMatchObject({ status: 400, code: 'FERRY_ERR_CSV_ENCODING' });
    expect(await bad('WARD.csv', 'WARD_ID,NAME\n1,"Oak\n')).toMatchObject({
      status: 400,
      code: 'FERRY_ERR_CSV_UNTERMINATED_QUOTE',
    });
    // A stray quote closed lines later: the lines it swallowed are not one record (it passed as one before).
    expect(await bad('WARD.csv', 'WARD_ID,NAME\n1,"Oak\n2,Elm\n3,"Ash"\n')).toEqual({
      status: 400,
      code: 'FERRY_ERR_CSV_UNTERMINATED_QUOTE',
      message:
        'WARD.csv:2: an unbalanced quote made lines 2-4 one record (text follows a closing quote): none of these lines is loaded',
    });
    expect(await bad('WARD.csv', 'WARD_ID,WARD_ID\n1,2\n')).toMatchObject({
      status: 400,
      message: 'WARD.csv:1: header name WARD_ID repeats',
    });
    expect(await bad('WARD.csv', `WARD_ID\n${'1\n'.repeat(5000)}`)).toMatchObject({
      status: 413,
      code: 'FERRY_ERR_PAYLOAD_TOO_LARGE',
    });
    // A connector that declares UTF-8 refuses a Windows-1252 export, naming the line.
    const strict = expectStatus(
      await create({ name: 'Strict', type: 'csv-upload', config: { encoding: 'utf-8' } }),
      201,
    );
    const latin = Buffer.concat([
      Buffer.from('PAT_ID,SURNAME\n1,Smith\n2,'),
      Buffer.from([0x4f, 0x27, 0xe9]),
      Buffer.from('\n'),
    ]);
    const res = await upload(strict.id, 'PATIENT.csv', latin);
    expect(res.json().error).toMatchObject({
      code: 'FERRY_ERR_CSV_ENCODING',
      message: expect.stringMatching(/^PATIENT\.csv:3/),
    });
    // Auto-detection reads the same file as Windows-1252.
    const auto = expectStatus(await upload(uploadId, 'LEGACY.csv', latin), 201);
    expect(auto.encoding).toBe('windows-1252');
    expectStatus(await etl.delete(`/api/connectors/${uploadId}/files/${auto.id}`), 200);
    const files = expectStatus(await etl.get(`/api/connectors/${uploadId}/files`), 200);
    expect(files.map((f: { table: string }) => f.table)).toEqual(['PATIENT', 'REFERRAL']);
    expectStatus(await etl.delete(`/api/connectors/${strict.id}`), 200);
  });

  it('refuses unknown types, bad settings, and folders outside the source roots', async () => {
    const res = (r: { statusCode: number; json(): { error: { code: string; message: string } } }) => ({
      status: r.statusCode,
      ...r.json().error,
    });
    expect(res(await create({ name: 'X', type: 'oracle' }))).toMatchObject({
      status: 400,
      message: expect.stringContaining('body.type'),
    });
    expect(res(await create({ name: 'X', type: 'csv-upload', config: { path: '/etc' } }))).toMatchObject({
      status: 400,
      message: 'field config: Unrecognized key: "path" (path) for a csv-upload connector',
    });
    expect(res(await create({ name: 'X', type: 'csv-upload', password: 'x' }))).toMatchObject({
      status: 400,
      message: 'field password: A csv-upload connector takes no password',
    });
    for (const path of ['../../x', 'trust-a/../../x', '/etc']) {
      expect(res(await create({ name: 'X', type: 'csv-directory', config: { path } }))).toMatchObject({
        status: 400,
        code: 'FERRY_ERR_INPUT',
        message: expect.stringMatching(/^field config\.path: The path (may not contain|must be inside)/),
      });
    }
    expect(res(await create({ name: 'X', type: 'postgres', config: { host: 'db', database: 'pas' } }))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^field config\.user: .* for a postgres connector$/),
    });
    expect((await create({ name: 'PAS extract', type: 'csv-upload' })).statusCode).toBe(409);
    const other = await seedOrganisation(t.app, 'other-conn');
    const foreign = [
      await other.admin.get(`/api/connectors/${uploadId}`),
      await other.admin.get(`/api/connectors/${uploadId}/schema`),
      await other.admin.post(`/api/connectors/${uploadId}/test`),
      await other.admin.patch(`/api/connectors/${uploadId}`, { name: 'Mine' }),
      await other.admin.delete(`/api/connectors/${uploadId}`),
    ];
    expect(foreign.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404]);
  });

  it("reads a server folder of CSV extracts inside the organisation's folders", async () => {
    const folder = expectStatus(
      await create({ name: 'Nightly', type: 'csv-directory', config: { path: 'trust-a' } }),
      201,
    );
    expect(folder.config).toEqual({ path: extract, encoding: 'auto' });
    expect(expectStatus(await etl.post(`/api/connectors/${folder.id}/test`), 200).ok).toBe(true);
    const schema = expectStatus(await etl.get(`/api/connectors/${folder.id}/schema`), 200);
    expect(schema.tables.map((x: { name: string }) => x.name)).toEqual(['PATIENT', 'REFERRAL']);
    const moved = expectStatus(await etl.patch(`/api/connectors/${folder.id}`, { config: { path: 'missing' } }), 200);
    const tested = expectStatus(await etl.post(`/api/connectors/${moved.id}/test`), 200);
    expect(tested).toEqual({
      ok: false,
      checks: [{ name: 'open', ok: false, message: `The folder ${join(mine, 'missing')} does not exist` }],
    });
    expectStatus(await etl.patch(`/api/connectors/${folder.id}`, { config: { path: 'trust-a' } }), 200);
    // A folder that lacks what the pack's catalog expects fails the test before any run does.
    await mkdir(join(mine, 'partial'));
    await writeFile(join(mine, 'partial', 'PATIENT.csv'), 'PAT_ID,SURNAME\n1,Smith\n');
    await writeFile(join(mine, 'partial', 'WARD.csv'), 'WARD_ID\n1\n');
    const partial = expectStatus(
      await create({ name: 'Partial', type: 'csv-directory', config: { path: 'partial' } }),
      201,
    );
    const incomplete = expectStatus(await etl.post(`/api/connectors/${partial.id}/test`), 200);
    expect(incomplete.ok).toBe(false);
    expect(incomplete.checks.at(-1)).toEqual({
      name: 'pack catalog',
      ok: false,
      message:
        'missing tables: REFERRAL; missing columns: PATIENT (SEX, REC_STATUS); not in the catalog (a run does not read them): WARD',
    });
    // Every test is audited with its outcome and the names of the failed checks, never their messages.
    expect(await audited('connector.test', folder.id)).toEqual([
      { projectId, type: 'csv-directory', ok: false, failed: ['open'] },
      { projectId, type: 'csv-directory', ok: true, failed: [] },
    ]);
    expect(await audited('connector.test', partial.id)).toEqual([
      { projectId, type: 'csv-directory', ok: false, failed: ['pack catalog'] },
    ]);
    expectStatus(await etl.delete(`/api/connectors/${partial.id}`), 200);
  });

  it("keeps each organisation to the folders the operator allowed it, never another organisation's", async () => {
    const other = await seedOrganisation(t.app, 'other-folders', root);
    // Only the operator sets the folders, each an absolute path inside the server's FERRY_SOURCE_ROOTS.
    expect((await org.admin.put(`/api/orgs/${org.id}/source-folders`, { folders: [theirs] })).statusCode).toBe(403);
    expect((await etl.put(`/api/orgs/${org.id}/source-folders`, { folders: [theirs] })).statusCode).toBe(403);
    expect(message(await root.put(`/api/orgs/${other.id}/source-folders`, { folders: ['other'] }))).toBe(
      'field folders.0: A source folder must be an absolute path',
    );
    expect(message(await root.put(`/api/orgs/${other.id}/source-folders`, { folders: [theirs, tmpdir()] }))).toBe(
      `field folders.1: A source folder must be inside the server's FERRY_SOURCE_ROOTS: ${roots}`,
    );
    expect(
      expectStatus(await root.put(`/api/orgs/${other.id}/source-folders`, { folders: [`${theirs}/`, theirs] }), 200),
    ).toEqual({ folders: [theirs] });
    expect(expectStatus(await org.admin.get(`/api/orgs/${org.id}/source-folders`), 200)).toEqual({ folders: [mine] });
    expect(expectStatus(await other.admin.get(`/api/orgs/${other.id}/source-folders`), 200)).toEqual({
      folders: [theirs],
    });
    expect((await other.admin.get(`/api/orgs/${org.id}/source-folders`)).statusCode).toBe(404);
    const trail = expectStatus(
      await other.admin.get(`/api/orgs/${other.id}/audit?action=connector.folders_set`),
      200,
    ).items;
    expect(trail.map((e: { details: unknown }) => e.details)).toEqual([{ before: [], after: [theirs] }]);

    // Both folders are under the server-wide roots; this organisation still cannot name the other's, directly, by
    // a relative path, or through a link inside its own folder.
    const refusal = `field config.path: The path must be inside one of the organisation's source folders: ${mine}`;
    expect(message(await create({ name: 'Theirs', type: 'csv-directory', config: { path: theirs } }))).toBe(refusal);
    expect(message(await create({ name: 'Theirs', type: 'csv-directory', config: { path: roots } }))).toBe(refusal);
    await symlink(theirs, join(mine, 'shortcut'));
    expect(message(await create({ name: 'Theirs', type: 'csv-directory', config: { path: 'shortcut' } }))).toBe(
      `field config.path: The folder ${join(mine, 'shortcut')} leads outside the organisation's source folders`,
    );
    const nightly = expectStatus(
      await create({ name: 'Later', type: 'csv-directory', config: { path: 'later' } }),
      201,
    );
    await mkdir(join(mine, 'later'));
    await rm(join(mine, 'later'), { recursive: true });
    await symlink(theirs, join(mine, 'later'));
    // A link put in place after the connector was configured is refused when it is read.
    const linked = expectStatus(await etl.post(`/api/connectors/${nightly.id}/test`), 200);
    expect(linked.checks).toEqual([
      {
        name: 'open',
        ok: false,
        message: `field config.path: The folder ${join(mine, 'later')} leads outside the organisation's source folders`,
      },
    ]);
    expect((await etl.get(`/api/connectors/${nightly.id}/tables/PATIENT/rows`)).statusCode).toBe(400);
    expectStatus(await etl.delete(`/api/connectors/${nightly.id}`), 200);

    // The operator withdraws the folder: connectors configured on it are opened no more, nor run from.
    const folder = expectStatus(
      await create({ name: 'Withdrawn', type: 'csv-directory', config: { path: 'trust-a' } }),
      201,
    );
    expectStatus(await root.put(`/api/orgs/${org.id}/source-folders`, { folders: [] }), 200);
    try {
      const none =
        'field config.path: This organisation may read no source folders yet: the operator (a super admin) has not allowed it any folder';
      expect(expectStatus(await etl.post(`/api/connectors/${folder.id}/test`), 200).checks[0].message).toBe(none);
      expect(message(await etl.get(`/api/connectors/${folder.id}/schema`))).toBe(none);
      expect(message(await etl.get(`/api/connectors/${folder.id}/tables/PATIENT/rows`))).toBe(none);
      expect(message(await etl.patch(`/api/connectors/${folder.id}`, { config: { path: 'trust-a' } }))).toBe(none);
      const types = expectStatus(await etl.get('/api/connector-types'), 200);
      expect(types.find((x: { type: string }) => x.type === 'csv-directory').available).toBe(false);
      const run = await etl.post(`/api/projects/${projectId}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'connector', connectorId: folder.id },
      });
      expect(message(run)).toBe(none);
      // A run queued while the folder was allowed checks it again when it executes.
      const queued = { kind: 'folder', dir: extract, connector: { id: folder.id, type: 'csv-directory' } };
      const recheck = () =>
        tenantTransaction(t.database.db, { orgId: org.id, userId: null, platformAccess: false }, (tx) =>
          recheckRunSource(tx, t.config, org.id, queued),
        );
      await expect(recheck()).rejects.toThrow(/may read no source folders yet/);
      expectStatus(await root.put(`/api/orgs/${org.id}/source-folders`, { folders: [mine] }), 200);
      await expect(recheck()).resolves.toBeUndefined();
    } finally {
      expectStatus(await root.put(`/api/orgs/${org.id}/source-folders`, { folders: [mine] }), 200);
    }
    expectStatus(await etl.delete(`/api/connectors/${folder.id}`), 200);
    // An organisation cannot change its own list, even bypassing the route (row-level security).
    await expect(
      tenantTransaction(t.database.db, { orgId: org.id, userId: null, platformAccess: false }, (tx) =>
        tx.run.query(`INSERT INTO source_folder_allowlist (organisation_id, path) VALUES ($1, $2)`, [org.id, theirs]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('connects postgres connectors only to the hosts the operator allowed, never the platform database', async () => {
    const config = { host: 'pas-db.trust.example', database: 'pas', user: 'ferry' };
    const pgConnector = (host: string, port = 5432) => ({
      name: 'Probe',
      type: 'postgres',
      config: { ...config, host, port },
    });
    // Empty by default, in every mode.
    expect(message(await create(pgConnector('pas-db.trust.example')))).toBe(
      'field config.host: This organisation may connect to no source databases yet: the operator (a super admin) has not allowed it any database host',
    );
    expectStatus(
      await root.put(`/api/orgs/${org.id}/target-hosts`, {
        hosts: ['pas-db.trust.example', '127.0.0.1:5432', 'localhost'],
      }),
      200,
    );
    const allowed = expectStatus(
      await create({ ...pgConnector('PAS-DB.trust.example'), name: 'PAS DB', password: 'x' }),
      201,
    );
    expect(message(await create(pgConnector('169.254.169.254')))).toBe(
      "field config.host: This server may not connect to 169.254.169.254:5432; allowed database hosts: 127.0.0.1:5432, localhost, pas-db.trust.example (the organisation's database hosts, set by the operator)",
    );
    // The attack: the platform's own PostgreSQL on loopback, listed for the organisation but not by the server's
    // operator in FERRY_DB_LOCAL_HOSTS, is refused at create, update, test, discovery and preview.
    t.config.localDbHosts = [];
    try {
      const loopback =
        'field config.host: This server may not connect to 127.0.0.1:5432: a loopback or link-local address (unless the operator lists it in FERRY_DB_LOCAL_HOSTS)';
      expect(message(await create(pgConnector('127.0.0.1')))).toBe(loopback);
      expect(message(await create(pgConnector('localhost')))).toBe(loopback.replace('127.0.0.1', 'localhost'));
      expect(
        message(await etl.patch(`/api/connectors/${allowed.id}`, { config: { ...config, host: '127.0.0.1' } })),
      ).toBe(loopback);
      t.config.localDbHosts = [testDbHost];
      const platformPort = expectStatus(await create({ ...pgConnector('127.0.0.1'), name: 'Platform' }), 201);
      t.config.localDbHosts = [];
      const test = expectStatus(await etl.post(`/api/connectors/${platformPort.id}/test`), 200);
      expect(test).toEqual({ ok: false, checks: [{ name: 'open', ok: false, message: loopback }] });
      expect(message(await etl.get(`/api/connectors/${platformPort.id}/schema`))).toBe(loopback);
      expect(message(await etl.get(`/api/connectors/${platformPort.id}/tables/users/rows`))).toBe(loopback);
      expect(await audited('connector.test', platformPort.id)).toEqual([
        { projectId, type: 'postgres', ok: false, failed: ['open'] },
      ]);
      expectStatus(await etl.delete(`/api/connectors/${platformPort.id}`), 200);
    } finally {
      t.config.localDbHosts = [testDbHost];
    }
    // FERRY_SOURCE_DB_HOSTS, when set, is the operator's server-wide ceiling for sources.
    t.config.sourceDbHosts = ['other-db.trust.example'];
    try {
      expect(message(await create(pgConnector('pas-db.trust.example')))).toBe(
        'field config.host: This server may not connect to pas-db.trust.example:5432; the server allows only: other-db.trust.example (FERRY_SOURCE_DB_HOSTS)',
      );
      t.config.sourceDbHosts = [];
      const types = expectStatus(await etl.get('/api/connector-types'), 200);
      expect(types.find((x: { type: string }) => x.type === 'postgres').available).toBe(false);
      // A connector configured before the list changed is not opened either.
      const test = expectStatus(await etl.post(`/api/connectors/${allowed.id}/test`), 200);
      expect(test.checks[0].message).toMatch(/its administrator allows no host \(FERRY_SOURCE_DB_HOSTS is empty\)/);
    } finally {
      t.config.sourceDbHosts = 'any';
    }
    const types = expectStatus(await etl.get('/api/connector-types'), 200);
    expect(types.find((x: { type: string }) => x.type === 'postgres').available).toBe(true);
    expectStatus(await etl.delete(`/api/connectors/${allowed.id}`), 200);
  });

  it('rate-limits connection tests per address, before anything is opened or audited', async () => {
    const folder = expectStatus(
      await create({ name: 'Throttled', type: 'csv-directory', config: { path: 'trust-a' } }),
      201,
    );
    const scanner = etl.fromAddress('10.20.30.40');
    t.config.connectionTestsPerMinute = 2;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await scanner.post(`/api/connectors/${folder.id}/test`)).statusCode);
      expect(statuses).toEqual([200, 200, 429]);
      expect(await audited('connector.test', folder.id)).toHaveLength(2);
      // Per address: another address is not throttled by the scanner's tests.
      expect((await etl.fromAddress('10.20.30.41').post(`/api/connectors/${folder.id}/test`)).statusCode).toBe(200);
    } finally {
      t.config.connectionTestsPerMinute = 1000;
    }
    expectStatus(await etl.delete(`/api/connectors/${folder.id}`), 200);
  });

  it('runs the lifecycle from an uploaded extract, on a copy that later uploads do not change', async () => {
    const started = expectStatus(
      await etl.post(`/api/projects/${projectId}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'connector', connectorId: uploadId },
      }),
      202,
    );
    expect(started.source).toMatchObject({
      kind: 'folder',
      connector: { id: uploadId, name: 'PAS extract', type: 'csv-upload' },
    });
    expect(started.source.connector.files.map((f: { table: string }) => f.table)).toEqual(['PATIENT', 'REFERRAL']);
    // Replacing an extract while the run is queued does not change what the run reads.
    expectStatus(await upload(uploadId, 'REFERRAL.csv', 'REF_ID,PAT_ID,RCVD_DT\n'), 201);
    await t.app.platform.jobs.whenIdle();
    const run = expectStatus(await etl.get(`/api/runs/${started.id}`), 200);
    expect(run).toMatchObject({ status: 'succeeded', error: null });
    expect(run.record.stages.map((s: { stage: string; status: string }) => `${s.stage}:${s.status}`)).toEqual([
      'generate:NotExecuted',
      'profile:Success',
      'map:Success',
      'migrate:Success',
      'check:Success',
      'gate:Success',
      'reconcile:Success',
      'evidence:Success',
    ]);
    expect(run.record.summary.sourceRows).toBe(12);
    const start = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=run.start`), 200);
    expect(start.items[0].details.connectorId).toBe(uploadId);

    // Runs from database and other in-place connectors: connector-runs.int.test.ts.
    const otherProject = expectStatus(
      await org.admin.post(`/api/workspaces/${org.workspaceId}/projects`, { name: 'Other', pack: 'mini' }),
      201,
    ).id;
    const elsewhere = await etl.post(`/api/projects/${otherProject}/runs`, {
      releaseProfile: 'development',
      source: { kind: 'connector', connectorId: uploadId },
    });
    expect(elsewhere.statusCode).toBe(404);
  });

  describe.runIf(pgUp)('a PostgreSQL source', () => {
    let env: Awaited<ReturnType<typeof createTestSchema>>;
    let pgId: string;
    const password = 'not-shown-anywhere-42';
    beforeAll(async () => {
      env = await createTestSchema('ferry_conn_src');
      const client = new pg.Client({ connectionString: env.url });
      await client.connect();
      await client.query(`create table patient (pat_id integer primary key, surname varchar(35), born date);
        insert into patient values (1, 'Smith', '1950-01-02'), (2, 'Jones', null);`);
      await client.end();
    });
    afterAll(async () => {
      await env?.drop();
    });

    it('keeps the password write-only and sealed, tests, discovers and previews', async () => {
      const url = new URL(testDatabaseUrl);
      const config = {
        host: url.hostname,
        port: Number(url.port || 5432),
        database: url.pathname.slice(1),
        user: decodeURIComponent(url.username),
        schema: env.schema,
      };
      // The operator allows the organisation this database host (and, the server's operator, its loopback endpoint).
      expectStatus(await root.put(`/api/orgs/${org.id}/target-hosts`, { hosts: [url.hostname] }), 200);
      const created = await create({
        name: 'PAS live',
        type: 'postgres',
        config,
        password: url.password ? decodeURIComponent(url.password) : password,
      });
      expect(created.body).not.toContain(password);
      pgId = expectStatus(created, 201).id;
      expect(created.json()).toMatchObject({ passwordSet: true, config });
      const stored = await t.database.db.query<{ secret: string }>('SELECT secret FROM connectors WHERE id = $1', [
        pgId,
      ]);
      expect(stored[0]!.secret).toMatch(/^v1\./);
      expect(stored[0]!.secret).not.toContain(password);
      const read = await viewer.get(`/api/connectors/${pgId}`);
      expect(read.body).not.toContain(password);
      expect(read.json().passwordSet).toBe(true);

      const tested = expectStatus(await etl.post(`/api/connectors/${pgId}/test`), 200);
      expect(tested.checks[0]).toMatchObject({ name: 'connection', ok: true });
      expect(tested.checks[1]).toEqual({ name: 'schema', ok: true, message: `schema ${env.schema}: 1 table(s)` });
      // The project's pack expects more than this small schema holds.
      expect(tested.checks[2]).toEqual({
        name: 'pack catalog',
        ok: false,
        message: 'missing tables: REFERRAL; missing columns: PATIENT (SEX, REC_STATUS)',
      });
      const schema = expectStatus(await etl.get(`/api/connectors/${pgId}/schema`), 200);
      expect(
        schema.tables[0].columns.map((c: { name: string; dataType: string; primaryKey: boolean }) => [
          c.name,
          c.dataType,
          c.primaryKey,
        ]),
      ).toEqual([
        ['pat_id', 'integer', true],
        ['surname', 'string', false],
        ['born', 'date', false],
      ]);
      const rows = expectStatus(await etl.get(`/api/connectors/${pgId}/tables/patient/rows`), 200);
      // Names and dates of birth are masked for the ETL engineer (no data.identifiable).
      const token = expect.stringMatching(/^ID-[0-9a-f]{16}$/);
      expect(rows.rows).toEqual([
        ['1', token, token],
        ['2', token, null],
      ]);
      expect(rows.identifiers.map((c: { kind: string }) => c.kind)).toEqual(['name', 'date_of_birth']);

      // Another port of the loopback host is not what the server's operator allowed: no probing the server's ports.
      expect(message(await etl.patch(`/api/connectors/${pgId}`, { config: { ...config, port: 1 } }))).toBe(
        `field config.host: This server may not connect to ${url.hostname}:1: a loopback or link-local address (unless the operator lists it in FERRY_DB_LOCAL_HOSTS)`,
      );
      t.config.localDbHosts = [url.hostname];
      try {
        const wrongPort = expectStatus(
          await etl.patch(`/api/connectors/${pgId}`, { config: { ...config, port: 1 } }),
          200,
        );
        expect(wrongPort.passwordSet).toBe(true);
        const failed = expectStatus(await etl.post(`/api/connectors/${pgId}/test`), 200);
        expect(failed.ok).toBe(false);
        expect(failed.checks[0].message).toMatch(/^cannot connect to PostgreSQL at postgres:\/\//);
        expect(JSON.stringify(failed)).not.toContain(password);
        expect((await audited('connector.test', pgId))[0]).toEqual({
          projectId,
          type: 'postgres',
          ok: false,
          failed: ['connection'],
        });
        expectStatus(await etl.patch(`/api/connectors/${pgId}`, { config }), 200);
      } finally {
        t.config.localDbHosts = [testDbHost];
      }
      const cleared = expectStatus(await etl.patch(`/api/connectors/${pgId}`, { password: null }), 200);
      expect(cleared.passwordSet).toBe(false);
      const trail = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=connector.update`), 200);
      expect(trail.items[0].details).toEqual({ changed: ['password_removed'] });
      expect(JSON.stringify(trail)).not.toContain(password);
    });
  });
});
