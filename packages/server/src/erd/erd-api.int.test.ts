import { join } from 'node:path';
import { nhsPasPack } from '@ferry/pack-nhs-pas';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { projectRunDir } from '../jobs/project-run-paths.js';
import { ApiCaller, expectStatus } from '../testing/api-client.js';
import { miniPack } from '../testing/mini-pack.js';
import { seedEmptyPglite } from '../testing/pglite-template.js';
import {
  createOrgUser,
  createTestApp,
  type SeededOrg,
  seedOrganisation,
  type TestApp,
  userPassword,
} from '../testing/test-app.js';
import { describeEachDialect } from '../testing/test-database.js';

type Edge = { from: string; fromColumn: string; to: string; toColumn: string; kind: string; evidence: string[] };

/**
 * The ERD API over core's buildErd: the project pack's source or target catalog as tables (domains from the
 * project's contract) and relationships (declared, inferred with confidence and evidence); with a run, value
 * containment measured on its source extract. Another organisation's project answers 404.
 */
await describeEachDialect('ERD API', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;
  let viewer: ApiCaller;
  let miniId: string;
  let pasId: string;
  let runId: string;
  const erd = (projectId: string, query = '') => `/api/projects/${projectId}/erd${query}`;

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      packs: new Map([
        ['mini', miniPack()],
        ['nhs-pas', nhsPasPack],
      ]),
    });
    org = await seedOrganisation(t.app, 'erd');
    other = await seedOrganisation(t.app, 'erd-other');
    const member = async (name: string, role: string) => {
      expectStatus(
        await createOrgUser(org.admin, org.id, {
          email: `${name}@erd.test`,
          displayName: name,
          password: userPassword,
          roles: [role],
        }),
        201,
      );
      return ApiCaller.login(t.app, `${name}@erd.test`, userPassword);
    };
    viewer = await member('viewer', 'viewer');
    const lead = await member('lead', 'migration_lead');
    const create = async (name: string, pack: string) =>
      expectStatus(await lead.post(`/api/workspaces/${org.workspaceId}/projects`, { name, pack }), 201).id as string;
    miniId = await create('Mini', 'mini');
    pasId = await create('PAS', 'nhs-pas');
    await seedEmptyPglite(join(projectRunDir(t.config.dataDir, miniId), 'target'));
    runId = expectStatus(
      await lead.post(`/api/projects/${miniId}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'generated', patients: 6, seed: 1, defects: 'none' },
      }),
      202,
    ).id;
    await t.app.platform.jobs.whenIdle();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("draws the source catalog: tables with the contract's domains, keys and the declared relationship", async () => {
    const body = expectStatus(await viewer.get(erd(miniId)), 200);
    expect(body).toMatchObject({ version: 1, name: 'mini-source', side: 'source' });
    expect(body.contractHash).toMatch(/^[0-9a-f]{64}$/);
    expect(body.nodes.map((n: { id: string; domain: string }) => [n.id, n.domain])).toEqual([
      ['PATIENT', 'PMI'],
      ['REFERRAL', 'RTT'],
    ]);
    expect(body.nodes[0].columns[0]).toEqual({ name: 'PAT_ID', dataType: 'integer', primaryKey: true });
    expect(body.edges).toEqual([
      {
        from: 'REFERRAL',
        to: 'PATIENT',
        fromColumn: 'PAT_ID',
        toColumn: 'PAT_ID',
        kind: 'declared',
        confidence: 1,
        evidence: ['declared in the catalog'],
      },
    ]);
    expect(body.stats).toEqual({ tables: 2, declaredEdges: 1, inferredEdges: 0, tablesWithData: 0 });
  });

  it('draws the target catalog, each load table in the domain of the contract table loading it', async () => {
    const body = expectStatus(await viewer.get(erd(miniId, '?side=target')), 200);
    expect(body.nodes.map((n: { id: string; domain: string }) => [n.id, n.domain])).toEqual([
      ['LOAD_PMI', 'PMI'],
      ['LOAD_REFERRALS', 'RTT'],
    ]);
    expect(body.edges.map((e: Edge) => `${e.kind} ${e.from}.${e.fromColumn} -> ${e.to}.${e.toColumn}`)).toEqual([
      'declared LOAD_REFERRALS.LOADPMI_RECORD_NUMBER -> LOAD_PMI.RECORD_NUMBER',
    ]);
  });

  it("measures value containment on a run's source extract", async () => {
    const body = expectStatus(await viewer.get(erd(miniId, `?runId=${runId}`)), 200);
    expect(body.stats).toEqual({ tables: 2, declaredEdges: 1, inferredEdges: 0, tablesWithData: 2 });
    expect(body.edges[0]).toMatchObject({
      kind: 'declared',
      containment: 1,
      evidence: ['declared in the catalog', 'containment 100%: 6 of 6 distinct values found in the parent key'],
    });
    expect(body.nodes.map((n: { rows?: number }) => n.rows)).toEqual([6, 6]);
  });

  it('refuses a run on the target side, a run of another project and bad parameters', async () => {
    const target = await viewer.get(erd(miniId, `?side=target&runId=${runId}`));
    expect(target.statusCode).toBe(400);
    expect(target.json().error.message).toBe(
      'field runId: runId measures source data: it applies to the source side only',
    );
    expect((await viewer.get(erd(pasId, `?runId=${runId}`))).statusCode).toBe(404);
    expect((await viewer.get(erd(miniId, '?runId=00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    expect((await viewer.get(erd(miniId, '?side=middle'))).statusCode).toBe(400);
    expect((await viewer.get(erd(miniId, '?minConfidence=2'))).statusCode).toBe(400);
  });

  it('gives 404 for another organisation’s project', async () => {
    const res = await other.admin.get(erd(miniId));
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('PATIENT');
  });

  it('draws the 419-table nhs-pas source catalog with domains and declared and inferred relationships', async () => {
    const body = expectStatus(await viewer.get(erd(pasId)), 200);
    expect(body.stats).toMatchObject({ tables: 419, declaredEdges: 577 });
    expect(body.stats.inferredEdges).toBeGreaterThan(100);
    const domains = new Set(body.nodes.map((n: { domain: string }) => n.domain));
    for (const d of ['PMI', 'RTT', 'OPD', 'IWL', 'ADT', 'MH', 'REF']) expect(domains).toContain(d);
    // A stricter confidence floor leaves fewer inferred edges; declared ones stay.
    const strict = expectStatus(await viewer.get(erd(pasId, '?minConfidence=0.9')), 200);
    expect(strict.stats.declaredEdges).toBe(577);
    expect(strict.stats.inferredEdges).toBeLessThan(body.stats.inferredEdges);
  });
});
