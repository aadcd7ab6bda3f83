import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRunDir, projectRunStore } from '../jobs/project-run-paths.js';
import { defaultPacks } from '../packs/pack-registry.js';
import { requiredQuery } from '../security/attack-request.js';
import { multipartFile } from '../security/attack-world.js';
import { type ApiOperation, apiOperations, fillPath } from '../security/openapi-operations.js';
import { ApiCaller, expectStatus } from '../testing/api-client.js';
import { seedEmptyPglite } from '../testing/pglite-template.js';
import {
  createOrgUser,
  createTestApp,
  type SeededOrg,
  seedOrganisation,
  type TestApp,
  userPassword,
} from '../testing/test-app.js';
import { pgliteDialect } from '../testing/test-database.js';

/** The cohort's identifiers as written in the generated extract: NHS numbers (digits only) and surnames, forenames. */
interface CohortIdentifiers {
  nhsNumbers: string[];
  names: string[];
}

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

async function cohortIdentifiers(patientCsv: string): Promise<CohortIdentifiers> {
  const [header, ...lines] = (await readFile(patientCsv, 'utf8')).split(/\r?\n/).filter((l) => l !== '');
  const cols = parseCsvLine(header!);
  const at = (name: string) => cols.indexOf(name);
  const nhs = new Set<string>();
  const names = new Set<string>();
  for (const line of lines) {
    const f = parseCsvLine(line);
    const n = (f[at('NHS_NO')] ?? '').replace(/\D/g, '');
    if (n.length === 10) nhs.add(n);
    for (const c of ['SURNAME', 'FORENAME']) {
      const v = (f[at(c)] ?? '').trim();
      if (v.length >= 4) names.add(v);
    }
  }
  return { nhsNumbers: [...nhs], names: [...names] };
}

/** Every identifier of the cohort a body contains (NHS numbers also when spaced 3-3-4; names in any case). */
function leaked(body: string, ids: CohortIdentifiers): string[] {
  const digits = body.replace(/(\d{3}) (\d{3}) (\d{4})/g, '$1$2$3');
  const lower = body.toLowerCase();
  return [
    ...ids.nhsNumbers.filter((n) => digits.includes(n)).map((n) => `NHS ${n.slice(0, 3)}…`),
    ...ids.names.filter((n) => new RegExp(`\\b${n.toLowerCase()}\\b`).test(lower)).map((n) => `name ${n[0]}…`),
  ];
}

describe('identifiers are never shown to a role without data.identifiable', () => {
  let t: TestApp;
  let org: SeededOrg;
  const callers = new Map<string, ApiCaller>();
  let ids: Record<string, string>;
  let cohort: CohortIdentifiers;
  let ops: ApiOperation[];
  let sourceColumns: { table: string; column: string }[];
  let artefacts: { stage: string; file: string }[];
  let uploaded: { connectorId: string; table: string };

  beforeAll(async () => {
    t = await createTestApp(pgliteDialect, { packs: defaultPacks() });
    org = await seedOrganisation(t.app, 'north');
    callers.set('org_admin', org.admin);
    for (const role of ['viewer', 'mapping_analyst', 'etl_engineer', 'migration_lead', 'dq_lead']) {
      const email = `${role.replace('_', '.')}@north.test`;
      expectStatus(
        await createOrgUser(org.admin, org.id, { email, displayName: role, password: userPassword, roles: [role] }),
        201,
      );
      callers.set(role, await ApiCaller.login(t.app, email, userPassword));
    }
    const etl = callers.get('etl_engineer')!;
    const project = expectStatus(
      await org.admin.post(`/api/workspaces/${org.workspaceId}/projects`, { name: 'PAS', pack: 'nhs-pas' }),
      201,
    );
    await seedEmptyPglite(join(projectRunDir(t.config.dataDir, project.id), 'target'));
    const run = expectStatus(
      await etl.post(`/api/projects/${project.id}/runs`, {
        releaseProfile: 'development',
        source: { kind: 'generated', patients: 30 },
      }),
      202,
    );
    await t.app.platform.jobs.whenIdle();
    const finished = expectStatus(await etl.get(`/api/runs/${run.id}`), 200);
    const lifecycleId: string = finished.lifecycleRunId ?? finished.lifecycle_run_id;
    const source = join(projectRunStore(t.config.dataDir, project.id).stageDir(lifecycleId, 'generate'), 'source');
    // Names that are also words of the pack's reference data (a surname White, the ethnic category White British) are
    // public words, not the cohort's: they are not searched for.
    const pack = defaultPacks().get('nhs-pas')!;
    const reference =
      `${JSON.stringify(await pack.crosswalks())} ${JSON.stringify(await pack.codeSets())}`.toLowerCase();
    const all = await cohortIdentifiers(join(source, 'PATIENT.csv'));
    cohort = {
      nhsNumbers: all.nhsNumbers,
      names: all.names.filter((n) => !new RegExp(`\\b${n.toLowerCase()}\\b`).test(reference)),
    };
    const patientCsv = await readFile(join(source, 'PATIENT.csv'), 'utf8');
    const connector = expectStatus(
      await etl.post(`/api/projects/${project.id}/connectors`, { name: 'Extract', type: 'csv-upload' }),
      201,
    );
    const upload = multipartFile('PATIENT.csv', patientCsv);
    const file = expectStatus(
      await etl.request('POST', `/api/connectors/${connector.id}/files`, upload.payload, upload.headers),
      201,
    );
    artefacts = expectStatus(await etl.get(`/api/runs/${run.id}/artefacts`), 200);
    // The profile route is walked column by column over the tables whose extract holds any of the cohort's identifiers.
    const holding = new Set<string>();
    for (const f of await readdir(source)) {
      if (leaked(await readFile(join(source, f), 'utf8'), cohort).length) holding.add(f.replace(/\.csv$/i, ''));
    }
    const catalog = await defaultPacks().get('nhs-pas')!.sourceCatalog();
    sourceColumns = catalog.tables
      .filter((tb) => holding.has(tb.name))
      .flatMap((tb) => tb.columns.map((c) => ({ table: tb.name, column: c.name })));
    uploaded = { connectorId: connector.id, table: 'PATIENT' };
    ids = {
      orgId: org.id,
      workspaceId: org.workspaceId,
      projectId: project.id,
      runId: run.id,
      connectorId: connector.id,
      fileId: file.id,
      userId: org.adminId,
      documentId: '00000000-0000-4000-8000-000000000000',
      role: 'viewer',
      side: 'source',
      table: 'PATIENT',
      column: 'NHS_NO',
    };
    ops = apiOperations((await t.app.inject({ method: 'GET', url: '/docs/json' })).json()).filter(
      (o) => o.method === 'GET',
    );
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  /** Every GET request of the document with this organisation's ids: artefacts and profile columns one by one. */
  function requests(): { op: string; url: string }[] {
    const out: { op: string; url: string }[] = [];
    for (const op of ops) {
      const query = new URLSearchParams(requiredQuery(op)).toString();
      const variants: Record<string, string>[] = op.pathParams.includes('file')
        ? artefacts.map((a) => ({ stage: a.stage, file: a.file }))
        : op.pathParams.includes('column') && op.path.includes('profile')
          ? sourceColumns
          : [{}];
      for (const v of variants) {
        const url = `${fillPath(op.path, (name) => v[name] ?? ids[name] ?? 'x')}${query ? `?${query}` : ''}`;
        out.push({ op: op.name, url });
      }
    }
    return out;
  }

  it('finds the cohort in the generated extract (the scan has something to find)', () => {
    expect(cohort.nhsNumbers.length).toBeGreaterThanOrEqual(20);
    expect(cohort.names.length).toBeGreaterThanOrEqual(20);
  });

  it.each(['viewer', 'mapping_analyst'])(
    'a %s receives no NHS number or name from any GET route',
    async (role) => {
      const caller = callers.get(role)!;
      const leaks: string[] = [];
      let ok = 0;
      for (const r of requests()) {
        const res = await caller.get(r.url);
        if (res.statusCode < 300) ok++;
        const found = leaked(res.body, cohort);
        if (found.length) leaks.push(`${r.op} ${res.statusCode}: ${found.slice(0, 3).join(', ')}`);
      }
      expect(ok).toBeGreaterThan(30);
      expect(leaks).toEqual([]);
    },
    300_000,
  );

  it('profiles the cohort with its identifier columns withheld and named', async () => {
    const col = async (c: string) =>
      expectStatus(await callers.get('viewer')!.get(`/api/projects/${ids.projectId}/profile/columns/PATIENT/${c}`), 200)
        .column;
    expect(await col('NHS_NO')).toMatchObject({ identifier: 'nhs_number', topValues: [], topValuesWithheld: true });
    expect(await col('SURNAME')).toMatchObject({ identifier: 'name', topValues: [], extremes: 'withheld' });
    expect(await col('DOB')).toMatchObject({ identifier: 'date_of_birth', extremes: 'withheld' });
    expect(await col('HOSP_NO')).toMatchObject({ identifier: 'hospital_number', topValues: [] });
  });

  it('masks previews consistently for a dq lead and an ETL engineer and shows them to a migration lead', async () => {
    const url = `/api/connectors/${uploaded.connectorId}/tables/${uploaded.table}/rows?pageSize=200`;
    expect(leaked(JSON.stringify(expectStatus(await callers.get('etl_engineer')!.get(url), 200)), cohort)).toEqual([]);
    const dq = expectStatus(await callers.get('dq_lead')!.get(url), 200);
    expect(leaked(JSON.stringify(dq), cohort)).toEqual([]);
    expect(dq.masked).toBe(true);
    expect(dq.identifiers.map((c: { column: string }) => c.column)).toEqual(
      expect.arrayContaining(['HOSP_NO', 'NHS_NO', 'SURNAME', 'FORENAME', 'DOB', 'EMAIL']),
    );
    // The same NHS number gives the same token on every page: joins still work.
    const nhs = dq.columns.indexOf('NHS_NO');
    const again = expectStatus(await callers.get('dq_lead')!.get(url), 200);
    expect(again.rows.map((r: string[]) => r[nhs])).toEqual(dq.rows.map((r: string[]) => r[nhs]));
    const lead = expectStatus(await callers.get('migration_lead')!.get(url), 200);
    expect(lead.masked).toBe(false);
    expect(leaked(JSON.stringify(lead), cohort).length).toBeGreaterThan(40);
  });
});
