import { tenantTransaction } from '../db/tenant-transaction.js';
import { type ApiResponse, expectStatus } from '../testing/api-client.js';
import { answer } from './attack-request.js';
import type { AttackTally } from './attack-tally.js';
import type { AttackWorld } from './attack-world.js';

/** The audit events a request left, by its x-request-id. */
async function eventsOf(world: AttackWorld, res: ApiResponse): Promise<{ action: string; details: unknown }[]> {
  const id = res.headers['x-request-id'];
  return tenantTransaction(world.t.database.db, { orgId: null, userId: null, platformAccess: true }, (tx) =>
    tx.run.query<{ action: string; details: unknown }>(
      'SELECT action, details FROM audit_events WHERE request_id = $1 ORDER BY seq',
      [String(id)],
    ),
  );
}

/** Holds when the attempt was refused for separation of duties and left `<action>_refused` with the reason. */
async function refusedAndAudited(
  world: AttackWorld,
  tally: AttackTally,
  what: string,
  res: ApiResponse,
  action: string,
) {
  const events = await eventsOf(world, res);
  const held =
    res.statusCode === 403 &&
    res.json().error?.code === 'FERRY_ERR_SEPARATION_OF_DUTIES' &&
    events.some(
      (e) => e.action === `${action}_refused` && (e.details as { reason?: string })?.reason === 'separation_of_duties',
    );
  tally.add('privileged', what, held, `${answer(res)}; audited: ${JSON.stringify(events)}`);
}

/**
 * (i) Privileged attempts that would sidestep separation of duties are refused and each leaves a `<action>_refused`
 * audit event with the reason: changing one's own roles, granting a permission to a role one holds, approving
 * contract rows one changed, and deciding the gate of a run one started.
 */
export async function privilegedChecks(world: AttackWorld, tally: AttackTally): Promise<void> {
  const { a } = world;
  const admin = a.org.admin;
  const orgUrl = `/api/orgs/${a.ids.orgId}`;
  await refusedAndAudited(
    world,
    tally,
    'an org admin changing their own roles',
    await admin.put(`${orgUrl}/users/${a.org.adminId}/roles`, { roles: ['org_admin', 'cutover_manager'] }),
    'user.roles',
  );
  const matrix = expectStatus(await admin.get(`${orgUrl}/roles`), 200).roles as Record<string, string[]>;
  await refusedAndAudited(
    world,
    tally,
    'an org admin granting gate.decide to a role they hold',
    await admin.put(`${orgUrl}/roles/org_admin`, { permissions: [...matrix.org_admin!, 'gate.decide'] }),
    'role.permissions_set',
  );
  const analyst = a.sessions.get('mapping_analyst')!;
  const rows = `/api/projects/${a.ids.projectId}/contract/rows`;
  const [first] = expectStatus(await analyst.get(`${rows}?status=draft`), 200).items as {
    table: string;
    column: string;
  }[];
  const row = { table: first!.table, column: first!.column };
  expectStatus(await analyst.post(`${rows}/review`, { rows: [row], status: 'reviewed' }), 200);
  // The analyst is given contract.approve too, as an admin could; approving their own review is still refused.
  const setRole = (role: string, permissions: string[]) => admin.put(`${orgUrl}/roles/${role}`, { permissions });
  expectStatus(await setRole('mapping_analyst', [...new Set([...matrix.mapping_analyst!, 'contract.approve'])]), 200);
  try {
    await refusedAndAudited(
      world,
      tally,
      'a mapping analyst approving a row they reviewed',
      await analyst.post(`${rows}/decision`, { rows: [row], decision: 'approved' }),
      'contract.rows_approved',
    );
  } finally {
    expectStatus(await setRole('mapping_analyst', matrix.mapping_analyst!), 200);
  }
  const etl = a.sessions.get('etl_engineer')!;
  expectStatus(await setRole('etl_engineer', [...matrix.etl_engineer!, 'gate.decide']), 200);
  try {
    await refusedAndAudited(
      world,
      tally,
      'an ETL engineer given gate.decide deciding the gate of the run they started',
      await etl.post(`/api/runs/${a.ids.runId}/gate/decision`, {
        decision: 'go',
        note: 'Deciding my own run',
        profile: 'development',
      }),
      'gate.decide',
    );
  } finally {
    expectStatus(await setRole('etl_engineer', matrix.etl_engineer!), 200);
  }
}
