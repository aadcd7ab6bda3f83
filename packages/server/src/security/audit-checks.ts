import { tenantTransaction } from '../db/tenant-transaction.js';
import type { AttackTally } from './attack-tally.js';
import type { AttackWorld, RecordedCall } from './attack-world.js';
import type { ApiOperation } from './openapi-operations.js';

/** The operation a recorded call was of, by method and path. */
function operationOf(ops: ApiOperation[], call: RecordedCall): ApiOperation | undefined {
  const path = call.url.split('?')[0]!;
  return ops.find(
    (o) =>
      o.method === call.method &&
      new RegExp(`^${o.path.replace(/\{\w+\}/g, '[^/]+').replace(/[.]/g, '\\.')}$`).test(path),
  );
}

/**
 * Successful answers that say nothing changed, by operation: no audit event is due for them.
 * Registration is not here: it answers 202 whether or not it stored a request (it must not reveal which organisations
 * exist), so instead every stored registration request must have its audit event.
 */
const unchangedAnswers: Record<string, (body: string) => boolean> = {
  'POST /api/projects/{projectId}/crosswalks/drafts': (body) => JSON.parse(body).added === 0,
};

/**
 * (h) Every state change that succeeded while the suite ran (the world's set-up included) left an audit event with
 * its request id: one check per operation that succeeded at least once.
 */
export async function auditChecks(world: AttackWorld, ops: ApiOperation[], tally: AttackTally): Promise<void> {
  const changes = world.calls.filter(
    (c) => c.method !== 'GET' && c.status >= 200 && c.status < 300 && c.url.startsWith('/api/'),
  );
  const ids = changes.map((c) => c.requestId).filter((id): id is string => Boolean(id));
  const audited = new Set(
    (
      await tenantTransaction(world.t.database.db, { orgId: null, userId: null, platformAccess: true }, (tx) =>
        tx.run.query<{ request_id: string }>(
          'SELECT DISTINCT request_id FROM audit_events WHERE request_id = ANY($1)',
          [ids],
        ),
      )
    ).map((r) => r.request_id),
  );
  const byOperation = new Map<string, { total: number; missing: string[] }>();
  for (const call of changes) {
    const name = operationOf(ops, call)?.name ?? `${call.method} ${call.url} (no operation in the document)`;
    const entry = byOperation.get(name) ?? { total: 0, missing: [] };
    if (name === 'POST /api/auth/register' || unchangedAnswers[name]?.(call.body)) continue;
    entry.total++;
    if (!call.requestId || !audited.has(call.requestId)) entry.missing.push(`${call.status} ${call.url}`);
    byOperation.set(name, entry);
  }
  for (const [name, { total, missing }] of byOperation)
    tally.add(
      'audit',
      `${name}: ${total} successful call(s) audited`,
      missing.length === 0,
      `not audited: ${missing.slice(0, 3).join(', ')}`,
    );
  const [registrations] = await tenantTransaction(
    world.t.database.db,
    { orgId: null, userId: null, platformAccess: true },
    (tx) =>
      tx.run.query<{ stored: number; unaudited: number }>(
        `SELECT count(*)::int AS stored,
                count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.action = 'registration.request'
                  AND e.target_id = r.id::text))::int AS unaudited
         FROM registration_requests r`,
      ),
  );
  tally.add(
    'audit',
    'POST /api/auth/register: every stored registration request audited',
    registrations!.stored > 0 && registrations!.unaudited === 0,
    JSON.stringify(registrations),
  );
  tally.add(
    'audit',
    'the suite made successful state changes to check',
    changes.length > 50,
    `${changes.length} changes`,
  );
}
