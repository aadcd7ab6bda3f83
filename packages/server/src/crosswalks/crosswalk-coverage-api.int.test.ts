import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Pack } from '@ferry/core';
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

/**
 * The mini pack with a sex lookup table in its source and the national gender codes: patients 4 and 5 get the
 * local code X ('Indeterminate'), and the typical defect gives patient 2 the code Q ('Not known'); neither has a
 * crosswalk entry, so both are unmapped, labelled from LKP_SEX and given suggestions.
 */
function codedMiniPack(): Pack {
  const mini = miniPack('coded');
  return {
    ...mini,
    sourceCatalog: async () => {
      const catalog = await mini.sourceCatalog();
      const column = (name: string, primaryKey: boolean) => ({
        name,
        dataType: 'string' as const,
        nullable: !primaryKey,
        primaryKey,
        description: '',
      });
      return {
        ...catalog,
        tables: [
          ...catalog.tables,
          { name: 'LKP_SEX', inScope: true, columns: [column('CODE', true), column('DESCRIPTION', false)] },
        ],
      };
    },
    codeSets: async () => [
      { codeType: 'gender', code: '1', label: 'Male', retired: false },
      { codeType: 'gender', code: '2', label: 'Female', retired: false },
      { codeType: 'gender', code: '9', label: 'Indeterminate (unable to be classified)', retired: false },
      { codeType: 'gender', code: '0', label: 'Not known (not recorded)', retired: false },
    ],
    async generate(options) {
      const result = await mini.generate(options);
      const source = join(options.outDir, 'source');
      const patients = (await readFile(join(source, 'PATIENT.csv'), 'utf8'))
        .split('\n')
        .map((line) => (/^[45],/.test(line) ? line.replace(/^(\d+,[A-Z]+),[A-Z]*,/, '$1,X,') : line));
      await writeFile(join(source, 'PATIENT.csv'), patients.join('\n'));
      await writeFile(
        join(source, 'LKP_SEX.csv'),
        'CODE,DESCRIPTION\nM,Male\nF,Female\nQ,Not known\nX,Indeterminate\n',
      );
      return { ...result, files: { ...result.files, 'source/LKP_SEX.csv': 4 } };
    },
  };
}

type Unmapped = {
  codeType: string;
  code: string;
  count: number;
  label?: string;
  entryStatus?: string;
  suggestions: Array<{ targetCode: string; score: number; reason: string }>;
};

/**
 * Crosswalk coverage over the API with core's measureCrosswalkCoverage on a run's source extract: per code type the
 * codes seen and mapped, unmapped codes with exact counts and suggestions; a suggestion accepted as a draft entry
 * (core's withDraftEntries), reviewed and approved by someone other than whoever drafted or reviewed it; audited;
 * another organisation's project is 404.
 */
await describeEachDialect('crosswalk coverage API', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;
  let projectId: string;
  let emptyProjectId: string;
  let runId: string;
  let alice: ApiCaller; // mapping analyst
  let bob: ApiCaller; // mapping analyst
  let carol: ApiCaller; // clinical reviewer
  let viewer: ApiCaller;
  const path = (rest: string) => `/api/projects/${projectId}/crosswalks/${rest}`;

  beforeAll(async () => {
    t = await createTestApp(dialect, { packs: new Map([['coded', codedMiniPack()]]) });
    org = await seedOrganisation(t.app, 'codes');
    other = await seedOrganisation(t.app, 'codes-other');
    const member = async (name: string, role: string) => {
      expectStatus(
        await createOrgUser(org.admin, org.id, {
          email: `${name}@codes.test`,
          displayName: name,
          password: userPassword,
          roles: [role],
        }),
        201,
      );
      return ApiCaller.login(t.app, `${name}@codes.test`, userPassword);
    };
    alice = await member('alice', 'mapping_analyst');
    bob = await member('bob', 'mapping_analyst');
    carol = await member('carol', 'clinical_reviewer');
    viewer = await member('viewer', 'viewer');
    const lead = await member('lead', 'migration_lead');
    const create = async (name: string) =>
      expectStatus(await lead.post(`/api/workspaces/${org.workspaceId}/projects`, { name, pack: 'coded' }), 201)
        .id as string;
    projectId = await create('Coded');
    emptyProjectId = await create('Not run yet');
    await seedEmptyPglite(join(projectRunDir(t.config.dataDir, projectId), 'target'));
    runId = expectStatus(
      await lead.post(`/api/projects/${projectId}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'generated', patients: 9, seed: 1, defects: 'typical' },
      }),
      202,
    ).id;
    await t.app.platform.jobs.whenIdle();
    expect(expectStatus(await viewer.get(`/api/runs/${runId}`), 200)).toMatchObject({
      status: 'succeeded',
      error: null,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('measures coverage per crosswalk on the newest run: codes seen, mapped and coverage', async () => {
    const coverage = expectStatus(await viewer.get(path('coverage')), 200);
    expect(coverage).toMatchObject({
      runId,
      totals: { codeTypes: 1, values: 6, mappedValues: 3, unmappedValues: 3, unmappedCodes: 2, invalidValues: 0 },
      problems: [],
    });
    expect(coverage.codeTypes).toEqual([
      {
        codeType: 'gender',
        columns: [{ table: 'PATIENT', column: 'SEX', targetTable: 'LOAD_PMI', targetColumn: 'GENDER' }],
        approvedEntries: 2,
        values: 6,
        mappedValues: 3,
        distinctCodes: 4,
        mappedCodes: 2,
        valueCoverage: 0.5,
        codeCoverage: 0.5,
        unmappedCodes: 2,
        unmappedValues: 3,
      },
    ]);
    // The same run named explicitly gives the same report.
    expect(expectStatus(await viewer.get(path(`coverage?runId=${runId}`)), 200)).toEqual(coverage);
  });

  it('lists unmapped codes with exact counts, their source label and suggestions with confidence and reason', async () => {
    const unmapped = expectStatus(await viewer.get(path('unmapped')), 200);
    expect(unmapped).toMatchObject({ runId, total: 2, page: 1 });
    const [x, q] = unmapped.items as Unmapped[];
    expect(x).toMatchObject({
      codeType: 'gender',
      code: 'X',
      count: 2,
      seenIn: [{ table: 'PATIENT', column: 'SEX', count: 2 }],
      label: 'Indeterminate',
      labelFrom: 'LKP_SEX.DESCRIPTION',
    });
    expect(x!.suggestions[0]).toMatchObject({
      targetCode: '9',
      basis: 'national label',
      reason: "the local label 'Indeterminate' resembles the national label 'Indeterminate (unable to be classified)'",
    });
    expect(x!.suggestions[0]!.score).toBeGreaterThan(0.3);
    expect(q).toMatchObject({ code: 'Q', count: 1, label: 'Not known' });
    expect(q!.suggestions[0]!.targetCode).toBe('0');
    expect(expectStatus(await viewer.get(path('unmapped?codeType=ethnic')), 200).total).toBe(0);
    expect(expectStatus(await viewer.get(path('unmapped?pageSize=1&page=2')), 200).items[0].code).toBe('Q');
  });

  it('accepts a suggestion as a draft entry, audited; only what was suggested, for codes still unmapped', async () => {
    expect(
      (await viewer.post(path('suggestions/accept'), { codeType: 'gender', sourceCode: 'X', targetCode: '9' }))
        .statusCode,
    ).toBe(403);
    const notSuggested = await alice.post(path('suggestions/accept'), {
      codeType: 'gender',
      sourceCode: 'X',
      targetCode: '1',
    });
    expect(notSuggested.statusCode).toBe(400);
    expect(notSuggested.json().error.message).toContain("1 is not suggested for gender 'X' (suggested: 9");
    const mapped = await alice.post(path('suggestions/accept'), {
      codeType: 'gender',
      sourceCode: 'M',
      targetCode: '1',
    });
    expect(mapped.statusCode).toBe(404);

    const accepted = expectStatus(
      await alice.post(path('suggestions/accept'), { codeType: 'gender', sourceCode: 'X', targetCode: '9', runId }),
      200,
    );
    expect(accepted.entry).toMatchObject({
      codeType: 'gender',
      sourceCode: 'X',
      sourceLabel: 'Indeterminate',
      targetCode: '9',
      targetLabel: 'Indeterminate (unable to be classified)',
      equivalence: 'inexact',
      status: 'draft',
    });
    expect(accepted.entry.notes).toMatch(
      /^Seen 2 times in PATIENT\.SEX; suggested by national label similarity [\d.]+; accepted by alice@codes\.test$/,
    );
    const list = expectStatus(await viewer.get(`/api/projects/${projectId}/crosswalks?sourceCode=X`), 200);
    expect(list).toMatchObject({ hash: accepted.hash, total: 1 });
    // A draft translates nothing: X is still unmapped, now with its draft entry.
    const x = (expectStatus(await viewer.get(path('unmapped')), 200).items as Unmapped[]).find((u) => u.code === 'X');
    expect(x).toMatchObject({ count: 2, entryStatus: 'draft' });
    // Accepting again replaces the draft rather than adding a second live entry.
    const again = expectStatus(
      await bob.post(path('suggestions/accept'), { codeType: 'gender', sourceCode: 'X', targetCode: '9' }),
      200,
    );
    expect(expectStatus(await viewer.get(`/api/projects/${projectId}/crosswalks?sourceCode=X`), 200).total).toBe(1);
    expect(again.previousHash).toBe(accepted.hash);
    const audit = expectStatus(
      await org.admin.get(`/api/orgs/${org.id}/audit?action=crosswalk.suggestion_accepted`),
      200,
    );
    expect(audit.items).toHaveLength(2);
    expect(audit.items.map((e: { details: { sourceCode: string; targetCode: string } }) => e.details)).toContainEqual(
      expect.objectContaining({
        codeType: 'gender',
        sourceCode: 'X',
        targetCode: '9',
        runId,
        from: expect.any(String),
      }),
    );
  });

  it('needs a different person to approve than whoever drafted or reviewed the entry: a clinical reviewer, by default', async () => {
    const review = path('review');
    const decide = path('decide');
    // Bob accepted the current draft of X; Alice marks it reviewed.
    expectStatus(
      await alice.post(review, { filter: { codeType: 'gender', sourceCode: 'X' }, status: 'reviewed' }),
      200,
    );
    for (const who of [alice, bob]) {
      const refused = await who.post(decide, { filter: { sourceCode: 'X' }, status: 'approved' });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('FERRY_ERR_SEPARATION_OF_DUTIES');
    }
    const refusals = expectStatus(
      await org.admin.get(`/api/orgs/${org.id}/audit?action=crosswalk.entries_approved_refused`),
      200,
    );
    expect(refusals.items.map((e: { actor: string }) => e.actor).sort()).toEqual([
      'alice@codes.test',
      'bob@codes.test',
    ]);
    expect(refusals.items[0]).toMatchObject({ targetType: 'project', targetId: projectId });
    // Approving is not editing: the review route does not approve, and a clinical reviewer (who cannot edit) approves.
    expect((await alice.post(review, { filter: { sourceCode: 'X' }, status: 'approved' })).statusCode).toBe(400);
    expect((await carol.post(review, { filter: { sourceCode: 'X' }, status: 'approved' })).statusCode).toBe(403);
    expect((await carol.post(review, { filter: { sourceCode: 'X' }, status: 'draft' })).statusCode).toBe(403);
    expect((await viewer.post(decide, { filter: { sourceCode: 'X' }, status: 'approved' })).statusCode).toBe(403);
    expect(
      expectStatus(await carol.post(decide, { filter: { sourceCode: 'X' }, status: 'approved' }), 200),
    ).toMatchObject({ changed: 1 });
    const coverage = expectStatus(await viewer.get(path('coverage')), 200);
    expect(coverage.codeTypes[0]).toMatchObject({ mappedValues: 5, mappedCodes: 3, unmappedCodes: 1 });
    expect(coverage.codeTypes[0].valueCoverage).toBeCloseTo(5 / 6, 6);
  });

  it('drafts every remaining unmapped code from its best suggestion (core withDraftEntries), once', async () => {
    const drafted = expectStatus(await bob.post(path('drafts'), { codeType: 'gender' }), 200);
    expect(drafted.added).toBe(1);
    const [q] = expectStatus(await viewer.get(`/api/projects/${projectId}/crosswalks?sourceCode=Q`), 200).items;
    expect(q).toMatchObject({ targetCode: '0', equivalence: 'inexact', status: 'draft', sourceLabel: 'Not known' });
    expect(expectStatus(await bob.post(path('drafts'), {}), 200)).toEqual({
      hash: drafted.hash,
      previousHash: drafted.hash,
      added: 0,
    });
    expect((await viewer.post(path('drafts'), {})).statusCode).toBe(403);
    const audit = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=crosswalk.drafts_added`), 200);
    expect(audit.items.map((e: { details: unknown }) => e.details)).toEqual([
      expect.objectContaining({ added: 1, codeType: 'gender', runId }),
    ]);
  });

  it('says a project needs a run first, and gives 404 for other projects’ runs and other organisations', async () => {
    const none = await viewer.get(`/api/projects/${emptyProjectId}/crosswalks/coverage`);
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toContain('has no run with a source extract yet: run the lifecycle');
    expect((await viewer.get(`/api/projects/${emptyProjectId}/crosswalks/coverage?runId=${runId}`)).statusCode).toBe(
      404,
    );
    for (const url of [path('coverage'), path('unmapped')]) expect((await other.admin.get(url)).statusCode).toBe(404);
    expectStatus(
      await createOrgUser(other.admin, other.id, {
        email: 'analyst@codes-other.test',
        displayName: 'Other analyst',
        password: userPassword,
        roles: ['mapping_analyst'],
      }),
      201,
    );
    const analyst = await ApiCaller.login(t.app, 'analyst@codes-other.test', userPassword);
    expect((await analyst.post(path('drafts'), {})).statusCode).toBe(404);
    const accept = await analyst.post(path('suggestions/accept'), {
      codeType: 'gender',
      sourceCode: 'Q',
      targetCode: '0',
    });
    expect(accept.statusCode).toBe(404);
  });
});
