import type { ApiResponse } from '../testing/api-client.js';
import { answer, callOperation, isProblem, requiredQuery, sampleBody } from './attack-request.js';
import type { AttackTally } from './attack-tally.js';
import type { AttackWorld } from './attack-world.js';
import type { ApiOperation, JsonSchema } from './openapi-operations.js';
import { acceptsString, sampleValue } from './sample-values.js';

/** SQL injection and path traversal, as an attacker types them. */
export const injectionPayloads = [
  "' OR '1'='1",
  "x'); DROP TABLE users; --",
  "x' UNION SELECT email, password_hash FROM users --",
  '../../../../etc/passwd',
  '..%2F..%2F..%2Fetc%2Fpasswd',
];

/** Text that must never come back: database errors, stack traces, files from the server's disk. */
const leakMarkers = [
  /syntax error at or near/i,
  /SQLSTATE|pg_catalog|relation "|column "[^"]*" does not exist/i,
  /\bat [\w.<>]+ \([^)]*\.[jt]s:\d+:\d+\)/,
  /root:x:0:0/,
  /\[(fonts|extensions)\]/i,
  /\$argon2id?\$/,
];

const leaked = (res: ApiResponse) => leakMarkers.find((m) => m.test(res.body));

/** One place a string can go in a request: a path parameter, a query parameter, or a field of the JSON body. */
interface StringSlot {
  where: string;
  apply(value: string): { path: (name: string) => string; query: Record<string, string>; body: unknown };
}

/** A copy of `value` with `path` set to `v` (objects created along the way). */
function setAt(value: unknown, path: (string | number)[], v: unknown): unknown {
  if (path.length === 0) return v;
  const [head, ...rest] = path;
  const base = (value && typeof value === 'object' ? value : typeof head === 'number' ? [] : {}) as Record<
    string | number,
    unknown
  >;
  const copy = (Array.isArray(base) ? [...base] : { ...base }) as Record<string | number, unknown>;
  copy[head!] = setAt(base[head!], rest, v);
  return copy;
}

/** Every string field of a body schema, nested objects and array items included, as paths. */
export function stringPaths(schema: JsonSchema | undefined, prefix: (string | number)[] = []): (string | number)[][] {
  if (!schema) return [];
  const out: (string | number)[][] = [];
  const alternatives = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  if (acceptsString(schema) && !schema.properties) out.push(prefix);
  for (const [name, field] of Object.entries(schema.properties ?? {}))
    out.push(...stringPaths(field, [...prefix, name]));
  if (schema.items) out.push(...stringPaths(schema.items, [...prefix, 0]));
  for (const alt of alternatives) if (alt.properties) out.push(...stringPaths(alt, prefix));
  const seen = new Set<string>();
  return out.filter((p) => !seen.has(p.join('.')) && seen.add(p.join('.')) !== undefined);
}

/** The body to send with `value` at `path`: the sample body, with the object alternative that holds the path. */
function bodyWith(op: ApiOperation, path: (string | number)[], value: string): unknown {
  let body = sampleBody(op);
  // Where the field lies inside one alternative of a union (a run's source kind), start from that alternative.
  let schema: JsonSchema | undefined = op.body;
  const walked: (string | number)[] = [];
  for (const key of path) {
    const alt = [...(schema?.anyOf ?? []), ...(schema?.oneOf ?? [])].find(
      (s) => typeof key === 'string' && s.properties?.[key],
    );
    if (alt) {
      body = setAt(body, walked, sampleValue(alt));
      schema = alt;
    }
    schema = typeof key === 'number' ? schema?.items : schema?.properties?.[key];
    walked.push(key);
  }
  return setAt(body, path, value);
}

function stringSlots(op: ApiOperation, ids: Record<string, string>, bodyOnly = false): StringSlot[] {
  const base = () => ({ path: (n: string) => ids[n] ?? n, query: requiredQuery(op), body: sampleBody(op) });
  const slots: StringSlot[] = [];
  if (!bodyOnly) {
    for (const p of op.pathParams)
      slots.push({ where: `path ${p}`, apply: (v) => ({ ...base(), path: (n) => (n === p ? v : (ids[n] ?? n)) }) });
    for (const q of op.queryParams.filter((x) => acceptsString(x.schema)))
      slots.push({
        where: `query ${q.name}`,
        apply: (v) => ({ ...base(), query: { ...requiredQuery(op), [q.name]: v } }),
      });
  }
  for (const path of stringPaths(op.body))
    slots.push({ where: `body ${path.join('.')}`, apply: (v) => ({ ...base(), body: bodyWith(op, path, v) }) });
  return slots;
}

/** Operations the input attacks leave alone: signing out would end the attacking session itself. */
const skipped = (op: ApiOperation) => op.path === '/api/auth/logout';

/**
 * (d) SQL-injection and path-traversal payloads in every path parameter, query parameter and body string field of
 * every operation, as the super admin (who holds every permission, so each payload reaches its handler) on
 * organisation A's ids: never a 500, never a database error, a stack trace, a password hash or a file of the
 * server's in the answer (what organisation B's members could get is attack (a)).
 */
export async function injectionChecks(world: AttackWorld, ops: ApiOperation[], tally: AttackTally): Promise<void> {
  for (const op of ops.filter((o) => !skipped(o))) {
    for (const slot of stringSlots(op, world.a.ids)) {
      const wrong: string[] = [];
      for (const payload of injectionPayloads) {
        const res = await callOperation(world.root, op, slot.apply(payload));
        const leak = leaked(res);
        if (res.statusCode >= 500 || leak)
          wrong.push(`${JSON.stringify(payload)}: ${answer(res)}${leak ? ` (leaks ${leak})` : ''}`);
      }
      tally.add('injection', `${op.name} ${slot.where}`, wrong.length === 0, wrong.join(' | '));
    }
  }
}

/** Hostile text for every string field: PostgreSQL cannot store a NUL, a lone surrogate is not Unicode, and no field is unbounded. */
export const hostileText = {
  'a NUL byte': 'a\u0000b',
  'a lone surrogate': 'a\uD800b',
  'a 200,000-character string': 'x'.repeat(200_000),
};

/**
 * (e) Every string field of every request body schema (nested ones included), sent a NUL, a lone surrogate and an
 * overlong string by the super admin: a 400 problem response every time, never a 500 and never accepted.
 */
export async function hostileTextChecks(world: AttackWorld, ops: ApiOperation[], tally: AttackTally): Promise<void> {
  for (const op of ops.filter((o) => !skipped(o))) {
    for (const slot of stringSlots(op, world.a.ids, true)) {
      for (const [kind, value] of Object.entries(hostileText)) {
        const res = await callOperation(world.root, op, slot.apply(value));
        tally.add(
          'text',
          `${op.name} ${slot.where} with ${kind}`,
          res.statusCode === 400 && isProblem(res),
          answer(res),
        );
      }
    }
  }
}
