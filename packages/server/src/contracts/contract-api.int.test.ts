import { afterAll, beforeAll, expect, it } from 'vitest';
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
 * The contract API over core's contract functions: a project starts with its pack's reviewed contract; rows are
 * filtered, sorted and paged on the server; reviews, decisions and bulk edits each save an immutable version;
 * the person who last changed a row cannot approve it; a locked version refuses changes.
 */
await describeEachDialect('contract API', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let projectId: string;
  let alice: ApiCaller; // mapping analyst
  let bob: ApiCaller; // mapping analyst
  const rows = (query = '') => `/api/projects/${projectId}/contract/rows${query}`;

  beforeAll(async () => {
    t = await createTestApp(dialect, { packs: new Map([['mini', miniPack()]]) });
    org = await seedOrganisation(t.app, 'contracts');
    for (const name of ['alice', 'bob']) {
      expectStatus(
        await createOrgUser(org.admin, org.id, {
          email: `${name}@contracts.test`,
          displayName: name,
          password: userPassword,
          roles: ['mapping_analyst'],
        }),
        201,
      );
    }
    alice = await ApiCaller.login(t.app, 'alice@contracts.test', userPassword);
    bob = await ApiCaller.login(t.app, 'bob@contracts.test', userPassword);
    const lead = expectStatus(
      await createOrgUser(org.admin, org.id, {
        email: 'lead@contracts.test',
        displayName: 'Lead',
        password: userPassword,
        roles: ['migration_lead'],
      }),
      201,
    );
    expect(lead.roles).toEqual(['migration_lead']);
    const leadCaller = await ApiCaller.login(t.app, 'lead@contracts.test', userPassword);
    projectId = expectStatus(
      await leadCaller.post(`/api/workspaces/${org.workspaceId}/projects`, { name: 'Mini', pack: 'mini' }),
      201,
    ).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("starts the project with its pack's contract as version 1", async () => {
    const summary = expectStatus(await alice.get(`/api/projects/${projectId}/contract`), 200);
    expect(summary).toMatchObject({
      name: 'mini',
      label: '1.0.0',
      locked: false,
      tables: 2,
      rows: 6,
      byStatus: { approved: 5, draft: 1, reviewed: 0, rejected: 0 },
      versionSeq: 1,
    });
    expect(summary.hash).toMatch(/^[0-9a-f]{64}$/);
    const csv = await alice.get(`/api/projects/${projectId}/contract?format=csv`);
    expect(csv.body.split('\n')[0]).toMatch(/^target_table,target_column,source_table,source_columns,/);
    expect(csv.body.trimEnd().split('\n')).toHaveLength(7);
  });

  it('filters, sorts and pages rows on the server', async () => {
    const page1 = expectStatus(await alice.get(rows('?pageSize=4&page=1')), 200);
    expect(page1).toMatchObject({ page: 1, pageSize: 4, total: 6 });
    expect(page1.items.map((r: { column: string }) => r.column)).toEqual([
      'RECORD_NUMBER',
      'SURNAME',
      'GENDER',
      'RECORD_NUMBER',
    ]);
    const page2 = expectStatus(await alice.get(rows('?pageSize=4&page=2')), 200);
    expect(page2.items.map((r: { column: string }) => r.column)).toEqual(['LOADPMI_RECORD_NUMBER', 'RECEIVED_DATE']);
    const drafts = expectStatus(await alice.get(rows('?status=draft')), 200);
    expect(drafts.items).toEqual([
      expect.objectContaining({
        table: 'LOAD_REFERRALS',
        column: 'RECEIVED_DATE',
        sourceTable: 'REFERRAL',
        mandatory: true,
        lastAuthor: null,
      }),
    ]);
    const byColumn = expectStatus(await alice.get(rows('?sort=column&order=desc&table=LOAD_PMI')), 200);
    expect(byColumn.items.map((r: { column: string }) => r.column)).toEqual(['SURNAME', 'RECORD_NUMBER', 'GENDER']);
    const text = expectStatus(await alice.get(rows('?text=gender&domain=PMI')), 200);
    expect(text.items.map((r: { column: string }) => r.column)).toEqual(['GENDER']);
    expect((await alice.get(rows('?status=nonsense'))).statusCode).toBe(400);
  });

  it('lets another person approve a reviewed row, never the one who reviewed it', async () => {
    const row = { table: 'LOAD_REFERRALS', column: 'RECEIVED_DATE' };
    const reviewed = expectStatus(await alice.post(rows('/review'), { rows: [row], status: 'reviewed' }), 200);
    expect(reviewed).toMatchObject({ changed: 1, unchanged: 0 });
    const own = await alice.post(rows('/decision'), { rows: [row], decision: 'approved' });
    expect(own.statusCode).toBe(403);
    expect(own.json().error).toMatchObject({ code: 'FERRY_ERR_SEPARATION_OF_DUTIES' });
    expect(own.json().error.message).toMatch(/^You last changed 1 of these rows \(LOAD_REFERRALS\.RECEIVED_DATE\)/);
    const refusals = expectStatus(
      await org.admin.get(`/api/orgs/${org.id}/audit?action=contract.rows_approved_refused`),
      200,
    );
    expect(refusals.items).toHaveLength(1);
    expect(refusals.items[0]).toMatchObject({
      actor: 'alice@contracts.test',
      targetType: 'project',
      targetId: projectId,
    });
    const approved = expectStatus(await bob.post(rows('/decision'), { rows: [row], decision: 'approved' }), 200);
    expect(approved).toMatchObject({ changed: 1, previousHash: reviewed.hash });
    const [now] = expectStatus(await bob.get(rows('?column=RECEIVED_DATE')), 200).items;
    expect(now).toMatchObject({
      status: 'approved',
      reviewer: 'bob@contracts.test',
      lastAuthor: 'alice@contracts.test',
    });
    expect(now.reviewedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const again = await bob.post(rows('/decision'), { rows: [row], decision: 'rejected' });
    expect(again.json().error.code).toBe('FERRY_ERR_REVIEW_TRANSITION');
    const trail = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=contract.rows_*`), 200);
    expect(trail.items.map((e: { action: string; actor: string }) => `${e.action} ${e.actor}`)).toEqual([
      'contract.rows_approved bob@contracts.test',
      'contract.rows_approved_refused alice@contracts.test',
      'contract.rows_reviewed alice@contracts.test',
    ]);
    expect(trail.items[0].details).toMatchObject({ from: reviewed.hash, to: approved.hash, changed: 1 });
  });

  it('bulk-edits the rows a filter selects: a new transform reopens approved rows to draft', async () => {
    const edited = expectStatus(
      await alice.patch(rows(), {
        filter: { table: 'LOAD_PMI', column: 'SURNAME' },
        transform: ['trim', 'upper'],
        owner: 'PMI team',
      }),
      200,
    );
    expect(edited).toMatchObject({ changed: 1, reopened: 1 });
    const [surname] = expectStatus(await alice.get(rows('?column=SURNAME&table=LOAD_PMI')), 200).items;
    expect(surname).toMatchObject({
      status: 'draft',
      transform: ['trim', 'upper'],
      owner: 'PMI team',
      reviewer: null,
      lastAuthor: 'alice@contracts.test',
    });
    expect(
      (await alice.patch(rows(), { filter: { table: 'LOAD_PMI' }, transform: ['no_such_step'] })).json().error.code,
    ).toBe('FERRY_ERR_CONTRACT_INVALID');
    const byFilter = expectStatus(
      await bob.post(rows('/review'), { filter: { status: 'draft' }, status: 'reviewed' }),
      200,
    );
    expect(byFilter.changed).toBe(1);
    expect(
      (await bob.post(rows('/decision'), { filter: { status: 'reviewed' }, decision: 'approved' })).statusCode,
    ).toBe(403);
    expectStatus(await alice.post(rows('/decision'), { filter: { status: 'reviewed' }, decision: 'approved' }), 200);
  });

  it('keeps every version, diffs two of them, and refuses changes once locked', async () => {
    const versions = expectStatus(await alice.get(`/api/projects/${projectId}/contract/versions`), 200);
    expect(versions.map((v: { seq: number }) => v.seq)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(versions.at(-1)).toMatchObject({
      message: 'imported from pack mini',
      parentHash: null,
      savedBy: 'lead@contracts.test',
    });
    const diff = expectStatus(
      await alice.get(`/api/projects/${projectId}/contract/diff?from=${versions.at(-1).hash.slice(0, 12)}`),
      200,
    );
    expect(diff.to).toBe(versions[0].hash);
    expect(JSON.stringify(diff.diff)).toContain('SURNAME');
    const lead = await ApiCaller.login(t.app, 'lead@contracts.test', userPassword);
    expect((await lead.post(`/api/projects/${projectId}/contract/lock`)).statusCode).toBe(403);
    const locked = expectStatus(await alice.post(`/api/projects/${projectId}/contract/lock`), 200);
    expect(expectStatus(await alice.get(`/api/projects/${projectId}/contract`), 200)).toMatchObject({
      locked: true,
      hash: locked.hash,
    });
    const refused = await alice.post(rows('/review'), { filter: { table: 'LOAD_PMI' }, status: 'draft' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('FERRY_ERR_CONTRACT_LOCKED');
  });

  it('versions crosswalks the same way: another person approves what one marked reviewed', async () => {
    const list = expectStatus(await alice.get(`/api/projects/${projectId}/crosswalks?codeType=gender`), 200);
    expect(list).toMatchObject({ total: 2, codeTypes: ['gender'] });
    expect(list.items.map((e: { sourceCode: string; status: string }) => `${e.sourceCode}:${e.status}`)).toEqual([
      'M:approved',
      'F:approved',
    ]);
    const path = `/api/projects/${projectId}/crosswalks/review`;
    expectStatus(await alice.post(path, { filter: { codeType: 'gender', sourceCode: 'F' }, status: 'draft' }), 200);
    const reviewed = expectStatus(
      await alice.post(path, { filter: { codeType: 'gender', status: 'draft' }, status: 'reviewed' }),
      200,
    );
    expect(reviewed.changed).toBe(1);
    const decide = `/api/projects/${projectId}/crosswalks/decide`;
    expect((await alice.post(decide, { filter: { status: 'reviewed' }, status: 'approved' })).json().error.code).toBe(
      'FERRY_ERR_SEPARATION_OF_DUTIES',
    );
    expect(
      expectStatus(await bob.post(decide, { filter: { status: 'reviewed' }, status: 'approved' }), 200),
    ).toMatchObject({ changed: 1, previousHash: reviewed.hash });
    const [f] = expectStatus(await alice.get(`/api/projects/${projectId}/crosswalks?sourceCode=F`), 200).items;
    expect(f).toMatchObject({ status: 'approved', reviewer: 'bob@contracts.test' });
    expect((await org.admin.post(path, { filter: {}, status: 'draft' })).statusCode).toBe(403);
  });

  it('pages and searches the pack catalogs', async () => {
    const tables = expectStatus(await alice.get(`/api/projects/${projectId}/catalogs/source/tables?q=rcvd`), 200);
    expect(tables).toMatchObject({
      total: 1,
      catalog: { name: 'mini-source', tables: 2, fields: 7, inScopeTables: 2 },
    });
    expect(tables.items).toEqual([{ name: 'REFERRAL', inScope: true, columns: 3, primaryKey: ['REF_ID'] }]);
    const columns = expectStatus(
      await alice.get(`/api/projects/${projectId}/catalogs/target/columns?table=LOAD_PMI&pageSize=2&page=2`),
      200,
    );
    expect(columns).toMatchObject({ total: 3, page: 2 });
    expect(columns.items).toEqual([
      expect.objectContaining({ table: 'LOAD_PMI', name: 'GENDER', dataType: 'code', codeType: 'gender' }),
    ]);
    expect((await alice.get(`/api/projects/${projectId}/catalogs/elsewhere/tables`)).statusCode).toBe(400);
  });

  it("scores each row with the latest run's mapping suggestion: confidence and reason, band filter, sort", async () => {
    type Row = { table: string; column: string; confidence: number | null; confidenceReason: string | null };
    const before = expectStatus(await alice.get(rows()), 200).items as Row[];
    expect(new Set(before.map((r) => r.confidenceReason))).toEqual(new Set(['no run has reached the map stage yet']));
    expect(expectStatus(await alice.get(rows('?minConfidence=0')), 200).total).toBe(0);
    const lead = await ApiCaller.login(t.app, 'lead@contracts.test', userPassword);
    expectStatus(
      await lead.post(`/api/projects/${projectId}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'generated', patients: 6, seed: 1, defects: 'none' },
        // The suggestion is the map stage's: nothing after it is needed.
        toStage: 'map',
      }),
      202,
    );
    await t.app.platform.jobs.whenIdle();
    const all = expectStatus(await alice.get(rows()), 200).items as Row[];
    const scored = all.filter((r) => r.confidence !== null);
    expect(scored.length).toBeGreaterThan(0);
    for (const r of all) {
      expect(r.confidenceReason).toEqual(expect.any(String));
      if (r.confidence !== null) expect(r.confidence).toBeGreaterThanOrEqual(0);
    }
    const surname = all.find((r) => r.table === 'LOAD_PMI' && r.column === 'SURNAME')!;
    expect(surname.confidence).toBeGreaterThan(0.5);
    const strong = expectStatus(await alice.get(rows('?minConfidence=0.5')), 200).items as Row[];
    expect(strong.map((r) => `${r.table}.${r.column}`).sort()).toEqual(
      scored
        .filter((r) => r.confidence! >= 0.5)
        .map((r) => `${r.table}.${r.column}`)
        .sort(),
    );
    const weak = expectStatus(await alice.get(rows('?maxConfidence=0.4999')), 200).items as Row[];
    expect(weak.every((r) => r.confidence !== null && r.confidence < 0.5)).toBe(true);
    expect(strong.length + weak.length).toBe(scored.length);
    const sorted = expectStatus(await alice.get(rows('?sort=confidence&order=desc')), 200).items as Row[];
    const scores = sorted.map((r) => r.confidence ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect((await alice.get(rows('?minConfidence=2'))).statusCode).toBe(400);
  });
});
