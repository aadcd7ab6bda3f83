import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
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
  userPassword,
} from '../../testing/test-app.js';
import { describeEachDialect } from '../../testing/test-database.js';

/** A multipart/form-data body with one file field. */
function multipart(fileName: string, content: string) {
  const boundary = `----ferry${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/**
 * A vendor's extract in a layout of its own (not the mini pack's PATIENT/REFERRAL layout): clients and their
 * referrals, PascalCase names, ISO dates, a status column the target does not have.
 */
const vendorFiles: Record<string, string> = {
  'Client.csv': [
    'ClientNo,FamilyName,Gender,Status',
    '1,Smith,M,A',
    '2,Jones,F,A',
    '3,Taylor,,A',
    '4,Brown,M,A',
    '5,Wilson,F,A',
    '6,Evans,M,A',
  ].join('\n'),
  'ClientReferral.csv': [
    'ReferralNo,ClientNo,DateReceived',
    '101,1,2026-01-05',
    '102,2,2026-01-06',
    '103,3,2026-01-07',
    '104,4,2026-01-08',
    '105,5,2026-01-09',
    '106,6,2026-01-10',
  ].join('\n'),
};

/** The catalog drafted from those files: types, keys, the reference and scope inferred. */
const draftedCatalogCsv = [
  'table_name,column_name,data_type,max_length,nullable,primary_key,references,description,code_type,in_scope',
  'Client,ClientNo,integer,,false,true,,,,true',
  'Client,FamilyName,string,6,false,false,,,,true',
  'Client,Gender,code,1,true,false,,,,true',
  'Client,Status,code,1,false,false,,,,true',
  'ClientReferral,ReferralNo,integer,,false,true,,,,true',
  'ClientReferral,ClientNo,integer,,false,false,Client.ClientNo,,,true',
  'ClientReferral,DateReceived,date,,false,false,,,,true',
  '',
].join('\n');

/**
 * A project's own source through the API: an uploaded extract in another layout fails a run with the pack's
 * catalog; drafting from the connector stores the project's source catalog (versioned, audited) with the extract's
 * profile and the auto-mapper's draft contract as a new contract version; runs then read with both; the catalog is
 * edited as CSV (validated, line numbers), contract edits are checked against it, and a contract that cannot load
 * against it is refused before the run is queued, naming the rows.
 */
await describeEachDialect('project source drafted from a connector', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let projectId: string;
  let etl: ApiCaller;
  let analyst: ApiCaller;
  let viewer: ApiCaller;
  let connectorId: string;

  async function member(name: string, role: string): Promise<ApiCaller> {
    expectStatus(
      await createOrgUser(org.admin, org.id, {
        email: `${name}@source.test`,
        displayName: name,
        password: userPassword,
        roles: [role],
      }),
      201,
    );
    return ApiCaller.login(t.app, `${name}@source.test`, userPassword);
  }
  const startRun = (source: object) =>
    etl.post(`/api/projects/${projectId}/runs`, { releaseProfile: 'development', source });
  const putCatalog = (csv: string, caller = analyst) =>
    caller.request('PUT', `/api/projects/${projectId}/source/catalog`, csv, { 'content-type': 'text/csv' });

  beforeAll(async () => {
    t = await createTestApp(dialect, { packs: new Map([['mini', miniPack()]]) });
    org = await seedOrganisation(t.app, 'src');
    etl = await member('etl', 'etl_engineer');
    analyst = await member('analyst', 'mapping_analyst');
    viewer = await member('viewer', 'viewer');
    projectId = expectStatus(
      await org.admin.post(`/api/workspaces/${org.workspaceId}/projects`, { name: 'Clinic', pack: 'mini' }),
      201,
    ).id;
    await seedEmptyPglite(join(projectRunDir(t.config.dataDir, projectId), 'target'));
    connectorId = expectStatus(
      await etl.post(`/api/projects/${projectId}/connectors`, { name: 'Vendor extract', type: 'csv-upload' }),
      201,
    ).id;
    for (const [name, content] of Object.entries(vendorFiles)) {
      const { payload, headers } = multipart(name, content);
      expectStatus(await etl.request('POST', `/api/connectors/${connectorId}/files`, payload, headers), 201);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it("fails a run of the vendor layout while the project reads with its pack's catalog", async () => {
    const source = expectStatus(await viewer.get(`/api/projects/${projectId}/source`), 200);
    expect(source).toMatchObject({ origin: 'pack', name: 'mini-source', version: null });
    const started = expectStatus(await startRun({ kind: 'connector', connectorId }), 202);
    await t.app.platform.jobs.whenIdle();
    const run = expectStatus(await etl.get(`/api/runs/${started.id}`), 200);
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(
      /The source does not hold what contract mini reads \(2 missing\):\n {2}table PATIENT \(for LOAD_PMI\)/,
    );
  });

  it('drafts the source catalog, its profile and a draft contract version from the connector (audited)', async () => {
    // Only a role that edits contracts drafts one.
    expect((await viewer.post(`/api/projects/${projectId}/source/draft`, { connectorId })).statusCode).toBe(403);
    const before = expectStatus(await viewer.get(`/api/projects/${projectId}/contract/versions`), 200);
    const drafted = expectStatus(await analyst.post(`/api/projects/${projectId}/source/draft`, { connectorId }), 201);
    expect(drafted).toEqual({
      catalog: {
        seq: 1,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        tables: 2,
        columns: 7,
        inScopeTables: 2,
        primaryKeys: 2,
        references: 1,
      },
      profile: { tables: 2, rows: 12, columns: 7 },
      contract: {
        seq: before.length + 1,
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        label: '0.0.0-draft',
        tables: 2,
        rows: 6,
        suggestedRows: 6,
        targetTables: 2,
        matchedTables: 2,
        targetFields: 6,
        toFix: [],
      },
    });

    // The project's source catalog is its own now, as drafted.
    const source = expectStatus(await viewer.get(`/api/projects/${projectId}/source`), 200);
    expect(source).toMatchObject({
      origin: 'project',
      name: 'Vendor extract',
      counts: { tables: 2, columns: 7, inScopeTables: 2, primaryKeys: 2, references: 1 },
      version: {
        seq: 1,
        hash: drafted.catalog.hash,
        parentHash: null,
        createdBy: 'analyst@source.test',
        origin: { kind: 'connector', connectorId, connector: 'Vendor extract', type: 'csv-upload' },
      },
    });
    const csv = await viewer.request('GET', `/api/projects/${projectId}/source/catalog`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['x-ferry-source-origin']).toBe('project');
    expect(csv.body).toBe(draftedCatalogCsv);
    const columns = expectStatus(
      await viewer.get(`/api/projects/${projectId}/catalogs/source/columns?table=Client`),
      200,
    );
    expect(columns.items.map((c: { name: string }) => c.name)).toEqual(['ClientNo', 'FamilyName', 'Gender', 'Status']);
    const erd = expectStatus(await viewer.get(`/api/projects/${projectId}/erd?side=source`), 200);
    expect(erd.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['Client', 'ClientReferral']);

    // The suggestion is the project's current contract: every row draft, with its confidence and reason.
    const contract = expectStatus(await viewer.get(`/api/projects/${projectId}/contract?format=json`), 200);
    const rows = contract.tables.flatMap((tb: { target: string; source: string; fields: object[] }) =>
      tb.fields.map((f) => ({ table: tb.target, from: tb.source, ...f })),
    );
    expect(
      rows.map((r: { table: string; target: string; from: string; source: string[]; status: string }) => [
        `${r.table}.${r.target}`,
        `${r.from}.${r.source.join('+')}`,
        r.status,
      ]),
    ).toEqual([
      ['LOAD_PMI.RECORD_NUMBER', 'Client.ClientNo', 'draft'],
      ['LOAD_PMI.SURNAME', 'Client.FamilyName', 'draft'],
      ['LOAD_PMI.GENDER', 'Client.Gender', 'draft'],
      ['LOAD_REFERRALS.RECORD_NUMBER', 'ClientReferral.ReferralNo', 'draft'],
      ['LOAD_REFERRALS.LOADPMI_RECORD_NUMBER', 'ClientReferral.ClientNo', 'draft'],
      ['LOAD_REFERRALS.RECEIVED_DATE', 'ClientReferral.DateReceived', 'draft'],
    ]);
    for (const r of rows) expect(r.notes).toMatch(/^suggested \(0\.\d+\): /);
    const versions = expectStatus(await viewer.get(`/api/projects/${projectId}/contract/versions`), 200);
    expect(versions.find((v: { hash: string }) => v.hash === drafted.contract.hash)).toMatchObject({
      seq: before.length + 1,
    });

    // The mappings workbench finds the extract's profile before any run.
    const profile = expectStatus(await viewer.get(`/api/projects/${projectId}/profile/columns/Client/Gender`), 200);
    expect(profile).toMatchObject({
      runId: null,
      from: 'source-draft',
      table: { name: 'Client', rows: 6 },
      column: { name: 'Gender', rows: 6, nulls: 1, distinct: 2 },
    });

    const trail = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=source.draft`), 200);
    expect(trail.items).toHaveLength(1);
    expect(trail.items[0]).toMatchObject({
      actor: 'analyst@source.test',
      targetId: projectId,
      details: {
        connectorId,
        sourceCatalogHash: drafted.catalog.hash,
        contractHash: drafted.contract.hash,
        contract: { rows: 6, toFix: 0 },
      },
    });
  });

  it("runs the uploaded vendor extract with the project's own catalog and draft contract", async () => {
    const source = expectStatus(await viewer.get(`/api/projects/${projectId}/source`), 200);
    const started = expectStatus(await startRun({ kind: 'connector', connectorId }), 202);
    await t.app.platform.jobs.whenIdle();
    const run = expectStatus(await etl.get(`/api/runs/${started.id}`), 200);
    expect(run).toMatchObject({ status: 'succeeded', error: null });
    expect(run.record.sourceCatalog).toEqual({ name: 'Vendor extract', hash: source.version.hash });
    expect(run.record.summary).toMatchObject({ sourceRows: 12, loadedRows: 12, rejectedRows: 0 });
    const start = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=run.start`), 200);
    expect(start.items[0].details.sourceCatalogHash).toBe(source.version.hash);

    // A generated cohort has the pack's layout, not the project's.
    const generated = await startRun({ kind: 'generated', patients: 3 });
    expect(generated.statusCode).toBe(400);
    expect(generated.json().error.message).toMatch(/reads its own source layout/);
  });

  it('checks contract edits against the project catalog', async () => {
    // PATIENT.SURNAME is a column of the pack's example source, not of this project's.
    const refused = await analyst.patch(`/api/projects/${projectId}/contract/rows/LOAD_PMI/SURNAME`, {
      source: ['SURNAME'],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues).toEqual([
      {
        path: 'LOAD_PMI.SURNAME source_columns',
        table: 'LOAD_PMI',
        column: 'SURNAME',
        field: 'source_columns',
        message: 'SOURCE_COLUMN_UNKNOWN: source column SURNAME is not a column of Client',
      },
    ]);
  });

  it('saves an edited catalog CSV as a new version, refusing a malformed one with line numbers', async () => {
    const bad = await putCatalog(draftedCatalogCsv.replace('Client,Status,code,1', 'Client,Status,text,1'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'FERRY_ERR_CATALOG_INVALID',
      message: expect.stringContaining('source-catalog.csv:5 field data_type: unknown data type'),
      issues: [
        {
          path: 'line 5 data_type',
          line: 5,
          field: 'data_type',
          message: "unknown data type 'text' (expected one of string, integer, decimal, date, datetime, boolean, code)",
        },
      ],
    });
    expect(expectStatus(await viewer.get(`/api/projects/${projectId}/source`), 200).version.seq).toBe(1);
    expect((await putCatalog(draftedCatalogCsv, viewer)).statusCode).toBe(403);

    // The analyst drops FamilyName (not in their real extract): the catalog saves, and says what no longer loads.
    const edited = draftedCatalogCsv.replace('Client,FamilyName,string,6,false,false,,,,true\n', '');
    const saved = expectStatus(await putCatalog(edited), 200);
    expect(saved).toMatchObject({
      origin: 'project',
      saved: true,
      counts: { tables: 2, columns: 6 },
      version: { seq: 2, origin: { kind: 'edit' }, profiledAt: expect.any(String) },
      contractToFix: [
        {
          table: 'LOAD_PMI',
          column: 'SURNAME',
          code: 'SOURCE_COLUMN_UNKNOWN',
          message: 'source column FamilyName is not a column of Client',
        },
      ],
    });
    const again = expectStatus(await putCatalog(edited), 200);
    expect(again).toMatchObject({ saved: false, version: { seq: 2 } });
    const trail = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=source.catalog_edit`), 200);
    expect(trail.items).toHaveLength(1);

    // A run with a contract that cannot load against it is refused before it is queued, naming the row.
    const runsBefore = expectStatus(await viewer.get(`/api/projects/${projectId}/runs`), 200).total;
    const refused = await startRun({ kind: 'connector', connectorId });
    expect(refused.statusCode).toBe(400);
    const error = refused.json().error;
    expect(error.code).toBe('FERRY_ERR_CONTRACT_INVALID');
    expect(error.message).toMatch(
      /cannot be loaded: 1 row\(s\) to fix \(lines of the contract CSV\): line 3 LOAD_PMI\.SURNAME: SOURCE_COLUMN_UNKNOWN: source column FamilyName is not a column of Client$/,
    );
    expect(error.issues).toEqual([
      {
        path: 'line 3 LOAD_PMI.SURNAME',
        line: 3,
        table: 'LOAD_PMI',
        column: 'SURNAME',
        message: 'SOURCE_COLUMN_UNKNOWN: source column FamilyName is not a column of Client',
      },
    ]);
    expect(expectStatus(await viewer.get(`/api/projects/${projectId}/runs`), 200).total).toBe(runsBefore);
  });

  it('refuses a run with an unedited draft that cannot load, naming the rows to fix', async () => {
    // Another extract of the vendor without the family name: the suggestion leaves a mandatory field unmapped.
    const thin = expectStatus(
      await etl.post(`/api/projects/${projectId}/connectors`, { name: 'Thin extract', type: 'csv-upload' }),
      201,
    ).id;
    const files: Record<string, string> = {
      'Client.csv': vendorFiles['Client.csv']!.replace(/^(\d+|ClientNo),\w+,/gm, '$1,'),
      'ClientReferral.csv': vendorFiles['ClientReferral.csv']!,
    };
    expect(files['Client.csv']!.split('\n').slice(0, 2)).toEqual(['ClientNo,Gender,Status', '1,M,A']);
    for (const [name, content] of Object.entries(files)) {
      const { payload, headers } = multipart(name, content);
      expectStatus(await etl.request('POST', `/api/connectors/${thin}/files`, payload, headers), 201);
    }
    const drafted = expectStatus(
      await analyst.post(`/api/projects/${projectId}/source/draft`, { connectorId: thin }),
      201,
    );
    expect(drafted.catalog).toMatchObject({ seq: 3, tables: 2, columns: 6 });
    expect(drafted.contract).toMatchObject({
      rows: 6,
      suggestedRows: 5,
      toFix: [
        {
          table: 'LOAD_PMI',
          column: 'SURNAME',
          code: 'MANDATORY_UNMAPPED',
          message: 'mandatory field has no source or constant',
        },
      ],
    });
    const refused = await startRun({ kind: 'connector', connectorId: thin });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'FERRY_ERR_CONTRACT_INVALID',
      message: `The project's contract (version ${drafted.contract.hash.slice(0, 12)}) cannot be loaded: 1 row(s) to fix (lines of the contract CSV): line 3 LOAD_PMI.SURNAME: MANDATORY_UNMAPPED: mandatory field has no source or constant`,
      issues: [
        {
          path: 'line 3 LOAD_PMI.SURNAME',
          line: 3,
          table: 'LOAD_PMI',
          column: 'SURNAME',
          message: 'MANDATORY_UNMAPPED: mandatory field has no source or constant',
        },
      ],
    });
    // Line 3 of the exported contract CSV is that row.
    const csv = await viewer.request('GET', `/api/projects/${projectId}/contract?format=csv`);
    expect(csv.body.split('\n')[2]).toMatch(/^LOAD_PMI,SURNAME,Client,,/);
  });
});
