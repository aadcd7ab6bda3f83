import type { ServerConfig } from '../config/server-config.js';
import { type DatabaseHostPolicy, endpointOfUrl } from '../connectors/database-host.js';
import type { TenantTx } from '../db/tenant-transaction.js';

/** The hosts the operator allowed an organisation's target databases to name, sorted. */
export async function targetHostAllowlist(tx: TenantTx, organisationId: string): Promise<string[]> {
  const rows = await tx.db
    .selectFrom('target_host_allowlist')
    .select('host')
    .where('organisation_id', '=', organisationId)
    .orderBy('host')
    .execute();
  return rows.map((r) => r.host);
}

/**
 * Where an organisation's target databases may be: the hosts the operator allowed it (none by default), never
 * loopback, link-local or the platform database unless the operator listed them in FERRY_DB_LOCAL_HOSTS.
 */
export async function targetHostPolicy(
  tx: TenantTx,
  config: Pick<ServerConfig, 'databaseUrl' | 'localDbHosts'>,
  organisationId: string,
): Promise<DatabaseHostPolicy> {
  return {
    allowed: await targetHostAllowlist(tx, organisationId),
    allowedFrom: "the organisation's target hosts, set by the operator",
    noneAllowed:
      'This organisation may connect to no target databases yet: the operator (a super admin) has not allowed it any database host',
    localAllowed: config.localDbHosts,
    platform: endpointOfUrl(config.databaseUrl),
    field: 'host',
  };
}
