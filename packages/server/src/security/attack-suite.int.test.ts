import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../testing/test-database.js';
import { type AttackCategory, AttackTally } from './attack-tally.js';
import { type AttackWorld, buildAttackWorld } from './attack-world.js';
import { auditChecks } from './audit-checks.js';
import { connectorChecks } from './connector-checks.js';
import { credentialChecks, csrfChecks } from './credential-checks.js';
import { hostileTextChecks, injectionChecks } from './input-checks.js';
import { type ApiOperation, apiOperations } from './openapi-operations.js';
import { privilegedChecks } from './privileged-checks.js';
import { tenantChecks } from './tenant-checks.js';
import { transportChecks } from './transport-checks.js';

/**
 * The attack suite: two organisations, every role, every operation of the server's OpenAPI document (read at run
 * time, so a route added later is attacked too). It prints `N of M checks held` and fails unless every check held.
 * `npm run attack -w @ferry/server` runs it alone.
 */
await describeEachDialect('attack suite', (dialect) => {
  let world: AttackWorld;
  let ops: ApiOperation[];
  const tally = new AttackTally();
  const timings: string[] = [];

  beforeAll(async () => {
    const started = Date.now();
    world = await buildAttackWorld(dialect);
    timings.push(`world ${((Date.now() - started) / 1000).toFixed(1)}s`);
    ops = apiOperations((await world.t.app.inject({ method: 'GET', url: '/docs/json' })).json());
  }, 600_000);
  afterAll(async () => {
    await world?.close();
  });

  it('holds every check', async () => {
    expect(ops.length).toBeGreaterThan(100);
    expect(ops.filter((o) => o.public).map((o) => o.name)).toEqual([
      'GET /api/meta/version',
      'POST /api/auth/login',
      'POST /api/auth/register',
      'POST /api/auth/password/set',
    ]);
    // Order matters: the input attacks below may lock or re-role alpha's viewer, so identity checks come first.
    const attacks: [AttackCategory, () => Promise<void>][] = [
      ['tenant', () => tenantChecks(world, ops, tally)],
      ['credentials', () => credentialChecks(world, ops, tally)],
      ['csrf', () => csrfChecks(world, ops, tally)],
      ['transport', () => transportChecks(world, ops, tally)],
      ['connectors', () => connectorChecks(world, tally)],
      ['privileged', () => privilegedChecks(world, tally)],
      ['injection', () => injectionChecks(world, ops, tally)],
      ['text', () => hostileTextChecks(world, ops, tally)],
      ['audit', () => auditChecks(world, ops, tally)],
    ];
    for (const [category, attack] of attacks) {
      const started = Date.now();
      // An attack that cannot finish is a check that did not hold, and the others still run.
      await attack().catch((e: unknown) =>
        tally.add(category, 'the attack ran to its end', false, String(e).slice(0, 400)),
      );
      timings.push(`${category} ${((Date.now() - started) / 1000).toFixed(1)}s`);
    }
    const report = tally.report(`attack suite [${dialect.name}], ${ops.length} operations`);
    console.log(`${report}\n  timings: ${timings.join(', ')}`);
    expect(tally.failed.map((c) => `${c.category}: ${c.name} -> ${c.detail}`)).toEqual([]);
    expect(tally.checks.length).toBeGreaterThan(1000);
  }, 900_000);
});
