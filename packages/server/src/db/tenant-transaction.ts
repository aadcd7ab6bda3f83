import type { SqlDatabase, SqlExecutor } from '@ferry/core';
import type { Kysely } from 'kysely';
import { kyselyOn } from './executor-dialect.js';
import type { PlatformSchema } from './platform-schema.js';

/** The role every request runs as: no superuser, no BYPASSRLS (migration 0001). */
export const appRole = 'ferry_app';

/**
 * Whose data a transaction may see. `orgId` is the organisation of the caller; `platformAccess` is the explicit
 * cross-organisation branch of the RLS policies, granted only to super admins (and to the few system actions that
 * name it, such as appending to the platform audit chain).
 */
export interface TenantScope {
  orgId: string | null;
  userId: string | null;
  platformAccess: boolean;
}

/** An open tenant transaction: typed queries (`db`), raw SQL (`run`), and the scope it runs in. */
export interface TenantTx {
  db: Kysely<PlatformSchema>;
  run: SqlExecutor;
  scope: TenantScope;
}

/** A string as an SQL literal (standard-conforming strings: only the quote is special). */
function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * Runs `fn` in one transaction as the application role, with the scope's settings set for this transaction only
 * (`set_config(..., true)`), so row-level security decides what every query sees.
 *
 * @example
 * const projects = await tenantTransaction(db, { orgId, userId, platformAccess: false },
 *   (tx) => tx.db.selectFrom('projects').selectAll().execute());
 */
export function tenantTransaction<T>(
  db: SqlDatabase,
  scope: TenantScope,
  fn: (tx: TenantTx) => Promise<T>,
): Promise<T> {
  // One round trip for BEGIN, the role and the scope: every request opens at least one of these transactions.
  const setup = `SET LOCAL ROLE ${appRole}; SELECT set_config('ferry.org_id', ${sqlText(scope.orgId ?? '')}, true),
    set_config('ferry.user_id', ${sqlText(scope.userId ?? '')}, true),
    set_config('ferry.platform_access', '${scope.platformAccess ? 'on' : 'off'}', true)`;
  return db.transaction((run) => fn({ db: kyselyOn<PlatformSchema>(run), run, scope }), { setup });
}
