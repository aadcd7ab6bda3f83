import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pack } from '@ferry/core';
import { buildApp } from '../app.js';
import type { FerryApp } from '../app-types.js';
import type { JobsConfig, ServerConfig } from '../config/server-config.js';
import { loadTestConfig } from '../config/test-config.js';
import { bootstrapSuperAdmin } from '../identity/bootstrap-admin.js';
import { PasswordHasher } from '../identity/password-hasher.js';
import { ApiCaller, type ApiResponse, expectStatus } from './api-client.js';
import type { TestDatabase, TestDialect } from './test-database.js';

/** The super admin every test app starts with. */
export const testAdmin = { email: 'admin@ferry.local', password: 'correct horse battery staple' };

/** An app on a migrated test database, with a temporary data folder and a bootstrapped super admin. */
export interface TestApp {
  app: FerryApp;
  database: TestDatabase;
  config: ServerConfig;
  close(): Promise<void>;
}

/** A clock tests move by hand. */
export class TestClock {
  constructor(public current = new Date('2026-03-02T09:00:00.000Z')) {}
  now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * Builds the app on a fresh, migrated database of the dialect (no port is opened: use `app.inject()`).
 *
 * @example
 * const t = await createTestApp(dialect);
 * await t.app.inject({ method: 'GET', url: '/health' });
 */
export async function createTestApp(
  dialect: TestDialect,
  options: {
    config?: Partial<ServerConfig>;
    /** Changes to the job settings (the test's own queue schema and quick heartbeats are kept otherwise). */
    jobs?: Partial<JobsConfig>;
    packs?: ReadonlyMap<string, Pack>;
    now?: () => Date;
    migrated?: boolean;
  } = {},
): Promise<TestApp> {
  const database = await dialect.open({ migrated: options.migrated ?? true });
  const dataDir = await mkdtemp(join(tmpdir(), 'ferry-server-'));
  const base = loadTestConfig({ dataDir, databaseUrl: database.url, bootstrapAdmin: testAdmin });
  // Runs on PostgreSQL queue in a graphile-worker database of the test's own; heartbeats are quick so lost runs show.
  const config: ServerConfig = {
    ...base,
    jobs: {
      ...base.jobs,
      ...(database.queueUrl ? { queueUrl: database.queueUrl } : {}),
      heartbeatMs: 200,
      staleAfterMs: 3000,
      ...options.jobs,
    },
    ...options.config,
  };
  if (options.migrated ?? true) {
    await bootstrapSuperAdmin(
      database.db,
      new PasswordHasher(config.passwordHashing),
      config.bootstrapAdmin,
      new Date(),
    );
  }
  const app = await buildApp({ config, db: database.db, packs: options.packs, now: options.now });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A password every seeded user gets. */
export const userPassword = 'a long and unusual phrase';

/**
 * Creates a user of an organisation through the API as `admin` and, as the user would, sets their password with the
 * one-time code the creation answered with. Returns the creation's answer (201 with the user, or the refusal).
 *
 * @example
 * const res = await createOrgUser(org.admin, org.id, { email: 'e@x.test', displayName: 'E', password: userPassword,
 *   roles: ['viewer'] });
 */
export async function createOrgUser(
  admin: ApiCaller,
  orgId: string,
  user: { email: string; displayName: string; password: string; roles: string[] },
): Promise<ApiResponse> {
  const { password, ...account } = user;
  const created = await admin.post(`/api/orgs/${orgId}/users`, account);
  if (created.statusCode !== 201) return created;
  const code = created.json().setPasswordCode.code;
  expectStatus(
    await ApiCaller.anonymous(admin.app).post('/api/auth/password/set', { code, newPassword: password }),
    200,
  );
  return created;
}

/** An organisation with a workspace and its admin, created through the API by the super admin. */
export interface SeededOrg {
  id: string;
  slug: string;
  workspaceId: string;
  admin: ApiCaller;
  adminId: string;
}

/** Creates an organisation, a workspace and an org admin (`admin@SLUG.test`) through the API. */
export async function seedOrganisation(app: FerryApp, slug: string, superAdmin?: ApiCaller): Promise<SeededOrg> {
  const root = superAdmin ?? (await ApiCaller.login(app, testAdmin.email, testAdmin.password));
  const org = expectStatus(await root.post('/api/orgs', { slug, name: `${slug} NHS Trust` }), 201);
  const ws = expectStatus(await root.post(`/api/orgs/${org.id}/workspaces`, { name: 'Main' }), 201);
  const user = expectStatus(
    await createOrgUser(root, org.id, {
      email: `admin@${slug}.test`,
      displayName: `${slug} admin`,
      password: userPassword,
      roles: ['org_admin'],
    }),
    201,
  );
  const admin = await ApiCaller.login(app, `admin@${slug}.test`, userPassword);
  return { id: org.id, slug, workspaceId: ws.id, admin, adminId: user.id };
}
