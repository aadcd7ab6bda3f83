import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRunDir } from '../jobs/project-run-paths.js';
import { type OrgRole, orgRoles } from '../rbac/permissions.js';
import { ApiCaller, type ApiResponse, expectStatus } from '../testing/api-client.js';
import { miniPack } from '../testing/mini-pack.js';
import { seedEmptyPglite } from '../testing/pglite-template.js';
import {
  createOrgUser,
  createTestApp,
  type SeededOrg,
  seedOrganisation,
  type TestApp,
  TestClock,
  testAdmin,
  userPassword,
} from '../testing/test-app.js';
import type { TestDialect } from '../testing/test-database.js';

/** One organisation of the attack: its admin, a signed-in caller of every role, and an id of each kind it owns. */
export interface AttackTenant {
  org: SeededOrg;
  /** A browser session (cookie + CSRF header) of every organisation role. */
  sessions: Map<OrgRole, ApiCaller>;
  /** The value of each path parameter that names something of this organisation (orgId, projectId, runId, ...). */
  ids: Record<string, string>;
  /** The organisation's own server folder of CSV extracts (allowed it by the operator). */
  folder: string;
}

/** A request the suite made and its answer (every state change is later looked up in the audit trail). */
export interface RecordedCall {
  method: string;
  url: string;
  status: number;
  requestId: string | undefined;
  /** The answer's body (its first 2,000 characters). */
  body: string;
}

/** The attack's world: one app on one database, the super admin, and two organisations with data of every kind. */
export interface AttackWorld {
  t: TestApp;
  clock: TestClock;
  root: ApiCaller;
  a: AttackTenant;
  b: AttackTenant;
  /** Every request made through the app since it started, in order. */
  calls: RecordedCall[];
  /** The server-wide FERRY_SOURCE_ROOTS folder both organisations' folders lie in. */
  roots: string;
  close(): Promise<void>;
}

const boundary = 'ferryattackboundary';
/** A multipart body with one file. */
export function multipartFile(fileName: string, content: string): { payload: string; headers: Record<string, string> } {
  return {
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Records every inject() of the app: the attack suite checks each successful state change against the audit trail. */
function recordCalls(t: TestApp, calls: RecordedCall[]): void {
  const inject = t.app.inject.bind(t.app) as (opts: unknown) => Promise<ApiResponse>;
  (t.app as unknown as { inject: (opts: unknown) => Promise<ApiResponse> }).inject = async (opts) => {
    const res = await inject(opts);
    const o = opts as { method?: string; url?: string };
    const id = res.headers['x-request-id'];
    calls.push({
      method: String(o.method ?? 'GET').toUpperCase(),
      url: String(o.url ?? ''),
      status: res.statusCode,
      requestId: typeof id === 'string' ? id : undefined,
      body: res.body.slice(0, 2000),
    });
    return res;
  };
}

async function seedTenant(t: TestApp, root: ApiCaller, slug: string, roots: string): Promise<AttackTenant> {
  const org = await seedOrganisation(t.app, slug, root);
  const sessions = new Map<OrgRole, ApiCaller>([['org_admin', org.admin]]);
  const userIds = new Map<OrgRole, string>([['org_admin', org.adminId]]);
  for (const role of orgRoles.filter((r) => r !== 'org_admin')) {
    const email = `${role.replace('_', '.')}@${slug}.test`;
    const user = expectStatus(
      await createOrgUser(org.admin, org.id, { email, displayName: role, password: userPassword, roles: [role] }),
      201,
    );
    userIds.set(role, user.id);
    sessions.set(role, await ApiCaller.login(t.app, email, userPassword));
  }
  const etl = sessions.get('etl_engineer')!;
  const project = expectStatus(
    await org.admin.post(`/api/workspaces/${org.workspaceId}/projects`, { name: 'PAS', pack: 'mini' }),
    201,
  );
  await seedEmptyPglite(join(projectRunDir(t.config.dataDir, project.id), 'target'));
  const run = expectStatus(
    await etl.post(`/api/projects/${project.id}/runs`, {
      releaseProfile: 'development',
      source: { kind: 'generated', patients: 3 },
    }),
    202,
  );
  await t.app.platform.jobs.whenIdle();
  expectStatus(
    await sessions.get('cutover_manager')!.post(`/api/runs/${run.id}/gate/decision`, {
      decision: 'no_go',
      note: 'Attack world: not for release',
      profile: 'development',
    }),
    201,
  );
  const [artefact] = expectStatus(await etl.get(`/api/runs/${run.id}/artefacts`), 200) as {
    stage: string;
    file: string;
  }[];
  const token = expectStatus(await org.admin.post('/api/auth/tokens', { name: 'attack' }), 201);
  expectStatus(
    await ApiCaller.anonymous(t.app).post('/api/auth/register', {
      organisation: slug,
      email: `joiner@${slug}.test`,
      displayName: 'Joiner',
      password: userPassword,
    }),
    202,
  );
  const [registration] = expectStatus(await org.admin.get(`/api/orgs/${org.id}/registrations`), 200);
  const doc = multipartFile('notes.md', '# Notes');
  const document = expectStatus(
    await org.admin.request('POST', `/api/projects/${project.id}/documents`, doc.payload, doc.headers),
    201,
  );
  const connector = expectStatus(
    await etl.post(`/api/projects/${project.id}/connectors`, { name: 'Extract', type: 'csv-upload' }),
    201,
  );
  const csv = multipartFile('PATIENT.csv', 'PAT_ID,SURNAME\n1,Smith\n');
  const file = expectStatus(
    await etl.request('POST', `/api/connectors/${connector.id}/files`, csv.payload, csv.headers),
    201,
  );
  const folder = join(roots, slug);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'PATIENT.csv'), `PAT_ID,SURNAME\n1,${slug}-secret-surname\n`);
  expectStatus(await root.put(`/api/orgs/${org.id}/source-folders`, { folders: [folder] }), 200);
  expectStatus(await root.put(`/api/orgs/${org.id}/target-hosts`, { hosts: ['10.20.30.40'] }), 200);
  const target = expectStatus(
    await org.admin.post(`/api/orgs/${org.id}/targets`, {
      name: 'Staging',
      host: '10.20.30.40',
      database: 'staging',
      user: 'loader',
      password: 'sealed-secret',
    }),
    201,
  );
  return {
    org,
    sessions,
    folder,
    ids: {
      orgId: org.id,
      workspaceId: org.workspaceId,
      projectId: project.id,
      userId: userIds.get('viewer')!,
      registrationId: registration.id,
      tokenId: token.id,
      runId: run.id,
      stage: artefact!.stage,
      file: artefact!.file,
      documentId: document.id,
      connectorId: connector.id,
      fileId: file.id,
      targetId: target.id,
      role: 'viewer',
      side: 'source',
      table: 'PATIENT',
      column: 'PAT_ID',
    },
  };
}

/**
 * Builds the attack's world once: a test app (PGlite or PostgreSQL) with generous rate limits (the suite sends
 * thousands of requests from one address), the super admin, and organisations `alpha` and `bravo`, each with a user of
 * every role, a project with a finished run and its gate decision, a document, an upload connector with a file, an
 * allowed source folder, a target database, an API token and a pending registration.
 */
export async function buildAttackWorld(dialect: TestDialect): Promise<AttackWorld> {
  const roots = await mkdtemp(join(tmpdir(), 'ferry-attack-'));
  const clock = new TestClock(new Date());
  const t = await createTestApp(dialect, {
    packs: new Map([['mini', miniPack()]]),
    now: clock.now,
    config: {
      sourceRoots: [roots],
      localDbHosts: [],
      sourceDbHosts: 'any',
      login: { maxFailures: 5, lockoutMinutes: 15, attemptsPerMinute: 100_000 },
      connectionTestsPerMinute: 100_000,
      rateLimitPerMinute: 10_000_000,
    },
  });
  const calls: RecordedCall[] = [];
  recordCalls(t, calls);
  const root = await ApiCaller.login(t.app, testAdmin.email, testAdmin.password);
  const a = await seedTenant(t, root, 'alpha', roots);
  const b = await seedTenant(t, root, 'bravo', roots);
  return {
    t,
    clock,
    root,
    a,
    b,
    calls,
    roots,
    close: async () => {
      await t.close();
      await rm(roots, { recursive: true, force: true });
    },
  };
}
