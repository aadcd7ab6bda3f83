import { FerryError } from '@ferry/core';
import type { Selectable } from 'kysely';
import type { ServerConfig } from '../config/server-config.js';
import { checkDatabaseHost, type DatabaseHostPolicy } from '../connectors/database-host.js';
import type { TargetDatabasesTable } from '../db/platform-schema.js';
import type { TenantTx } from '../db/tenant-transaction.js';
import type { SecretBox } from '../identity/secret-box.js';
import { targetConnectionUrl } from './target-connection.js';
import { targetHostPolicy } from './target-host-policy.js';

/** A registered target database as a run reads it from the registry, with what the operator allows now. */
export interface RegisteredTarget {
  row: Selectable<TargetDatabasesTable>;
  policy: DatabaseHostPolicy;
}

/**
 * Reads a run's target database from the registry, in the run's organisation (row-level security): FERRY_ERR_NOT_FOUND
 * when it is no longer registered.
 */
export async function readRegisteredTarget(
  tx: TenantTx,
  config: Pick<ServerConfig, 'databaseUrl' | 'localDbHosts'>,
  organisationId: string,
  targetId: string,
): Promise<RegisteredTarget> {
  const row = await tx.db
    .selectFrom('target_databases')
    .selectAll()
    .where('id', '=', targetId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!row) throw new FerryError('FERRY_ERR_NOT_FOUND', `Target database ${targetId} is no longer registered`);
  return { row, policy: await targetHostPolicy(tx, config, organisationId) };
}

/**
 * The connection URL of a registered target, its host checked against what the operator allows at this moment:
 * the only place a target's password is unsealed for a load or a rollback.
 */
export async function registeredTargetUrl(target: RegisteredTarget, secrets: SecretBox): Promise<string> {
  await checkDatabaseHost(target.policy, { host: target.row.host, port: target.row.port });
  return targetConnectionUrl(target.row, secrets);
}
