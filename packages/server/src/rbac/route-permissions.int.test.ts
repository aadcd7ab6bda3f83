import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RouteEntry } from '../app-types.js';
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
import { defaultRolePermissions, orgRoles, permissions, type Role, roles } from './permissions.js';

/**
 * The reviewed rule of every route: a change to what a route requires must change this table too, so it is seen in
 * review (the generated test below then proves the server enforces exactly these rules).
 */
const reviewedAccess = [
  'GET /api/meta/version public',
  'POST /api/auth/login public',
  'POST /api/auth/logout authenticated',
  'GET /api/auth/me authenticated',
  'POST /api/auth/password authenticated',
  'POST /api/auth/tokens authenticated',
  'GET /api/auth/tokens authenticated',
  'DELETE /api/auth/tokens/:tokenId authenticated',
  'POST /api/auth/totp/setup authenticated',
  'POST /api/auth/totp/enable authenticated',
  'POST /api/auth/totp/disable authenticated',
  'POST /api/auth/register public',
  'POST /api/auth/password/set public',
  'POST /api/orgs platform.manage',
  'GET /api/orgs authenticated',
  'GET /api/orgs/:orgId authenticated',
  'PATCH /api/orgs/:orgId org.manage',
  'GET /api/orgs/:orgId/retention org.manage',
  'PUT /api/orgs/:orgId/retention org.manage',
  'POST /api/orgs/:orgId/purge org.manage',
  'POST /api/orgs/:orgId/workspaces org.manage',
  'GET /api/orgs/:orgId/workspaces project.read',
  'POST /api/workspaces/:workspaceId/projects project.manage',
  'GET /api/projects project.read',
  'GET /api/projects/:projectId project.read',
  'GET /api/orgs/:orgId/users users.read',
  'POST /api/orgs/:orgId/users users.manage',
  'POST /api/orgs/:orgId/users/:userId/lock users.manage',
  'POST /api/orgs/:orgId/users/:userId/unlock users.manage',
  'POST /api/orgs/:orgId/users/:userId/reset users.manage',
  'PUT /api/orgs/:orgId/users/:userId/roles users.manage',
  'GET /api/orgs/:orgId/registrations users.manage',
  'POST /api/orgs/:orgId/registrations/:registrationId/approve users.manage',
  'POST /api/orgs/:orgId/registrations/:registrationId/reject users.manage',
  'GET /api/orgs/:orgId/roles users.read',
  'PUT /api/orgs/:orgId/roles/:role roles.manage',
  'GET /api/orgs/:orgId/audit audit.read',
  'GET /api/orgs/:orgId/audit/export audit.read',
  'GET /api/orgs/:orgId/audit/verify audit.read',
  'GET /api/orgs/:orgId/audit/actions audit.read',
  'GET /api/audit/verify platform.manage',
  'GET /api/projects/:projectId/settings project.read',
  'PUT /api/projects/:projectId/settings project.manage',
  'GET /api/projects/:projectId/source catalog.read',
  'GET /api/projects/:projectId/source/catalog catalog.read',
  'PUT /api/projects/:projectId/source/catalog contract.edit',
  'POST /api/projects/:projectId/source/draft contract.edit',
  'GET /api/projects/:projectId/catalogs/:side/tables catalog.read',
  'GET /api/projects/:projectId/catalogs/:side/columns catalog.read',
  'GET /api/projects/:projectId/erd catalog.read',
  'GET /api/projects/:projectId/contract contract.read',
  'GET /api/projects/:projectId/contract/rows contract.read',
  'POST /api/projects/:projectId/contract/rows/review contract.edit',
  'POST /api/projects/:projectId/contract/rows/decision contract.approve',
  'PATCH /api/projects/:projectId/contract/rows contract.edit',
  'POST /api/projects/:projectId/contract/lock contract.approve',
  'GET /api/projects/:projectId/contract/versions contract.read',
  'GET /api/projects/:projectId/contract/diff contract.read',
  'PATCH /api/projects/:projectId/contract/rows/:table/:column contract.edit',
  'POST /api/projects/:projectId/contract/rows contract.edit',
  'DELETE /api/projects/:projectId/contract/rows/:table/:column contract.edit',
  'POST /api/projects/:projectId/contract/import contract.edit',
  'POST /api/projects/:projectId/contract/drafts contract.edit',
  'GET /api/contract/transform-steps authenticated',
  'GET /api/projects/:projectId/profile/columns/:table/:column catalog.read',
  'GET /api/projects/:projectId/crosswalks crosswalk.read',
  'POST /api/projects/:projectId/crosswalks/review crosswalk.edit',
  'POST /api/projects/:projectId/crosswalks/decide crosswalk.approve',
  'GET /api/projects/:projectId/crosswalks/coverage crosswalk.read',
  'GET /api/projects/:projectId/crosswalks/unmapped crosswalk.read',
  'POST /api/projects/:projectId/crosswalks/suggestions/accept crosswalk.edit',
  'POST /api/projects/:projectId/crosswalks/drafts crosswalk.edit',
  'POST /api/projects/:projectId/runs lifecycle.run',
  'GET /api/projects/:projectId/runs run.read',
  'GET /api/runs/:runId run.read',
  'POST /api/runs/:runId/cancel lifecycle.run',
  'GET /api/runs/:runId/events run.read',
  'GET /api/runs/:runId/artefacts run.read',
  'GET /api/runs/:runId/artefacts/:stage/:file evidence.download',
  'GET /api/runs/:runId/quality/kpis run.read',
  'GET /api/runs/:runId/quality/issues run.read',
  'GET /api/projects/:projectId/quality/triage run.read',
  'PUT /api/projects/:projectId/quality/triage quality.triage',
  'GET /api/projects/:projectId/quality/triage/owners quality.triage',
  'GET /api/projects/:projectId/runs/current run.read',
  'POST /api/runs/:runId/restore lifecycle.run',
  'GET /api/runs/:runId/rejects run.read',
  'GET /api/runs/:runId/gate run.read',
  'POST /api/runs/:runId/gate/decision gate.decide',
  'GET /api/runs/:runId/evidence evidence.download',
  'POST /api/projects/:projectId/documents documents.write',
  'GET /api/projects/:projectId/documents documents.read',
  'GET /api/documents/:documentId documents.read',
  'GET /api/documents/:documentId/html documents.read',
  'DELETE /api/documents/:documentId documents.write',
  'GET /api/connector-types authenticated',
  'GET /api/projects/:projectId/connectors connector.read',
  'POST /api/projects/:projectId/connectors connector.manage',
  'GET /api/connectors/:connectorId connector.read',
  'PATCH /api/connectors/:connectorId connector.manage',
  'DELETE /api/connectors/:connectorId connector.manage',
  'POST /api/connectors/:connectorId/test connector.manage',
  'GET /api/connectors/:connectorId/schema connector.read',
  'GET /api/connectors/:connectorId/tables/:table/rows connector.preview',
  'POST /api/connectors/:connectorId/files connector.manage',
  'GET /api/connectors/:connectorId/files connector.read',
  'DELETE /api/connectors/:connectorId/files/:fileId connector.manage',
  'GET /api/orgs/:orgId/source-folders connector.read',
  'PUT /api/orgs/:orgId/source-folders platform.manage',
  'GET /api/orgs/:orgId/targets target.read',
  'POST /api/orgs/:orgId/targets target.manage',
  'DELETE /api/targets/:targetId target.manage',
  'POST /api/targets/:targetId/test target.manage',
  'PUT /api/orgs/:orgId/target-hosts platform.manage',
  'GET /api/runs/:runId/rollback run.rollback',
  'POST /api/runs/:runId/rollback run.rollback',
  'GET /api/migration-presets catalog.read',
  'POST /api/migrations lifecycle.run',
  'GET /api/migrations/:jobId run.read',
  'POST /api/migrations/:jobId/records lifecycle.run',
  'POST /api/migrations/:jobId/complete lifecycle.run',
  'POST /api/migrations/:jobId/rollback run.rollback',
  'GET /api/orgs/:orgId/export org.manage',
];

/** Path parameters of a generated call: ids that exist nowhere, enum values that parse. */
const paramValues: Record<string, string> = { role: 'viewer', stage: 'profile', side: 'source', table: 'PATIENT' };
const fillPath = (url: string) =>
  url.replace(/:([A-Za-z]+)/g, (_, name: string) => paramValues[name] ?? '00000000-0000-4000-8000-000000000000');

/** Whether the matrix lets a role through a route's access rule. */
function allowed(access: RouteEntry['access'], role: Role, matrix: Record<string, readonly string[]>): boolean {
  if (access === 'public' || access === 'authenticated') return true;
  return role === 'super_admin' || Boolean(access && matrix[role]?.includes(access));
}

/**
 * A generated test: every /api route is called as every role (and anonymously) and the outcome is compared with the
 * role-permission matrix. A refused call is 403 naming the permission; an allowed one is anything but 401/403 (the
 * dummy ids and empty bodies then give 400 or 404, so nothing real changes). Routes added later are covered as they
 * register, and a route without an access rule fails the test.
 */
await describeEachDialect('route permissions', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  const callers = new Map<Role, ApiCaller>();

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      // Every route is called by every role from one address: no per-address limit may answer first.
      config: {
        login: { maxFailures: 5, lockoutMinutes: 15, attemptsPerMinute: 10_000 },
        connectionTestsPerMinute: 10_000,
        rateLimitPerMinute: 1_000_000,
      },
    });
    const root = await ApiCaller.login(t.app, testAdmin.email, testAdmin.password);
    org = await seedOrganisation(t.app, 'matrix', root);
    callers.set(
      'super_admin',
      root.withToken(expectStatus(await root.post('/api/auth/tokens', { name: 'matrix' }), 201).token),
    );
    for (const role of orgRoles) {
      const email = `${role.replace('_', '.')}@matrix.test`;
      expectStatus(
        await createOrgUser(org.admin, org.id, {
          email,
          displayName: role,
          password: userPassword,
          roles: [role],
        }),
        201,
      );
      const session = await ApiCaller.login(t.app, email, userPassword);
      callers.set(
        role,
        session.withToken(expectStatus(await session.post('/api/auth/tokens', { name: 'matrix' }), 201).token),
      );
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const apiRoutes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api'));

  it('gives every /api route the reviewed access rule, naming a known permission', () => {
    expect(
      apiRoutes()
        .map((r) => `${r.method} ${r.url} ${r.access}`)
        .sort(),
    ).toEqual([...reviewedAccess].sort());
    for (const r of apiRoutes()) {
      expect({
        route: `${r.method} ${r.url}`,
        known: r.access === 'public' || r.access === 'authenticated' || permissions.includes(r.access as never),
      }).toEqual({
        route: `${r.method} ${r.url}`,
        known: true,
      });
    }
  });

  it('starts each organisation with the default matrix, as GET /roles reports it', async () => {
    const matrix = expectStatus(await org.admin.get(`/api/orgs/${org.id}/roles`), 200);
    for (const role of orgRoles)
      expect([...matrix.roles[role]].sort()).toEqual([...defaultRolePermissions[role]].sort());
  });

  it('allows and refuses every route for every role exactly as the matrix says', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const route of apiRoutes()) {
      const url = fillPath(route.url);
      const anonymous = await ApiCaller.anonymous(t.app).request(route.method as never, url);
      outcomes.push(
        `${route.method} ${route.url} anonymous ${anonymous.statusCode === 401 ? 'unauthenticated' : anonymous.statusCode === 429 ? 'rate limited' : 'through'}`,
      );
      expected.push(
        `${route.method} ${route.url} anonymous ${route.access === 'public' ? 'through' : 'unauthenticated'}`,
      );
      for (const role of roles) {
        const res = await callers.get(role)!.request(route.method as never, url);
        const refused =
          res.statusCode === 403 && res.json().error.message === `This needs the ${route.access} permission`;
        const outcome = refused
          ? 'refused'
          : res.statusCode === 401 || res.statusCode === 403 || res.statusCode === 429
            ? `other ${res.statusCode} ${res.body}`
            : 'allowed';
        outcomes.push(`${route.method} ${route.url} ${role} ${outcome}`);
        expected.push(
          `${route.method} ${route.url} ${role} ${allowed(route.access, role, defaultRolePermissions) ? 'allowed' : 'refused'}`,
        );
      }
    }
    expect(outcomes).toEqual(expected);
  });

  it("follows an org admin's edit of the matrix, in that organisation only", async () => {
    const viewer = callers.get('viewer')!;
    expect((await viewer.get(`/api/orgs/${org.id}/audit`)).statusCode).toBe(403);
    expectStatus(
      await org.admin.put(`/api/orgs/${org.id}/roles/viewer`, {
        permissions: [...defaultRolePermissions.viewer, 'audit.read'],
      }),
      200,
    );
    expect((await viewer.get(`/api/orgs/${org.id}/audit`)).statusCode).toBe(200);
    const other = await seedOrganisation(t.app, 'other');
    const otherMatrix = expectStatus(await other.admin.get(`/api/orgs/${other.id}/roles`), 200);
    expect(otherMatrix.roles.viewer).not.toContain('audit.read');
    const edits = expectStatus(await org.admin.get(`/api/orgs/${org.id}/audit?action=role.permissions_set`), 200);
    expect(edits.items[0].details).toEqual({ added: ['audit.read'], removed: [] });
    expectStatus(
      await org.admin.put(`/api/orgs/${org.id}/roles/viewer`, { permissions: [...defaultRolePermissions.viewer] }),
      200,
    );
    expect((await viewer.get(`/api/orgs/${org.id}/audit`)).statusCode).toBe(403);
  });

  it('keeps the platform permission out of organisation roles and the org admin able to administer', async () => {
    const platform = await org.admin.put(`/api/orgs/${org.id}/roles/viewer`, { permissions: ['platform.manage'] });
    expect(platform.statusCode).toBe(403);
    const lockout = await org.admin.put(`/api/orgs/${org.id}/roles/org_admin`, { permissions: ['users.read'] });
    expect(lockout.json().error).toMatchObject({
      code: 'FERRY_ERR_CONFLICT',
      message: 'org_admin must keep users.manage, roles.manage',
    });
    const self = await org.admin.put(`/api/orgs/${org.id}/users/${org.adminId}/roles`, { roles: ['viewer'] });
    expect(self.json().error.code).toBe('FERRY_ERR_SEPARATION_OF_DUTIES');
  });
});
