import type { ApiResponse } from '../testing/api-client.js';
import { answer, callOperation, requiredQuery, sampleBody } from './attack-request.js';
import type { AttackTally } from './attack-tally.js';
import type { AttackWorld } from './attack-world.js';
import type { ApiOperation } from './openapi-operations.js';

/** Path parameters that name a thing of one organisation (the others are names: a role, a stage, a table). */
const nameParams = new Set(['role', 'side', 'table', 'column', 'stage', 'file']);

/** Whether a successful answer gives away any id of the other organisation (a refusal may quote what was sent). */
function mentionsAny(res: ApiResponse, ids: Record<string, string>): boolean {
  return res.statusCode < 300 && Object.entries(ids).some(([k, v]) => !nameParams.has(k) && res.body.includes(v));
}

/**
 * (a) Every id-taking operation, called by every role of organisation A with organisation B's ids in the path, is
 * refused with 404 or 403 and nothing of B; and B's ids put into the body or query of A's own requests are refused
 * (never a 2xx).
 */
export async function tenantChecks(world: AttackWorld, ops: ApiOperation[], tally: AttackTally): Promise<void> {
  const { a, b } = world;
  for (const op of ops.filter((o) => o.pathParams.some((p) => !nameParams.has(p)))) {
    const wrong: string[] = [];
    for (const [role, caller] of a.sessions) {
      const request = (ids: Record<string, string>) =>
        callOperation(caller, op, {
          path: (name) => ids[name] ?? name,
          query: requiredQuery(op),
          body: sampleBody(op),
        });
      const res = await request(b.ids);
      if ([403, 404].includes(res.statusCode) && !mentionsAny(res, b.ids)) continue;
      // A 400 that alpha's own ids get too is about the request's body (parsed before anything is looked up), not
      // about whose ids they are: it tells alpha nothing of bravo.
      if (res.statusCode === 400) {
        const own = await request(a.ids);
        if (own.statusCode === 400 && own.json().error?.code === res.json().error?.code) continue;
      }
      wrong.push(`${role}: ${answer(res)}`);
    }
    tally.add('tenant', `${op.name} with bravo's ids, as every alpha role`, wrong.length === 0, wrong.join(' | '));
  }
  // B's ids where A's own request names something by id: a body or query field (runId, connectorId, userId, ...).
  for (const op of ops) {
    const bodyFields = Object.keys((op.body?.properties ?? {}) as object).filter((f) => b.ids[f] && !nameParams.has(f));
    const queryFields = op.queryParams.map((q) => q.name).filter((f) => b.ids[f] && !nameParams.has(f));
    if (bodyFields.length + queryFields.length === 0) continue;
    const base = sampleBody(op) as Record<string, unknown> | undefined;
    const wrong: string[] = [];
    for (const [role, caller] of a.sessions) {
      const res = await callOperation(caller, op, {
        path: (name) => a.ids[name] ?? name,
        query: { ...requiredQuery(op), ...Object.fromEntries(queryFields.map((f) => [f, b.ids[f]!])) },
        body:
          base && typeof base === 'object'
            ? { ...base, ...Object.fromEntries(bodyFields.map((f) => [f, b.ids[f]])) }
            : base,
      });
      const refused = res.statusCode >= 400 && res.statusCode < 500;
      const harmlessRead = !op.stateChanging && res.statusCode < 300;
      if (!(refused || harmlessRead) || mentionsAny(res, b.ids)) wrong.push(`${role}: ${answer(res)}`);
    }
    tally.add(
      'tenant',
      `${op.name} on alpha's own ids naming bravo's ${[...bodyFields, ...queryFields].join(', ')}, as every alpha role`,
      wrong.length === 0,
      wrong.join(' | '),
    );
  }
}
