import type { ServerConfig } from '../config/server-config.js';
import type { TenantTx } from '../db/tenant-transaction.js';
import { targetHostPolicy } from '../targets/target-host-policy.js';
import type { DatabaseHostPolicy } from './database-host.js';

/**
 * Where an organisation's PostgreSQL source connectors may connect: the same check as its target databases
 * (database-host.ts `checkDatabaseHost`): the database hosts the operator (a super admin) allowed the organisation,
 * none by default; never loopback, link-local or the platform database's own host and port unless the operator
 * listed them in FERRY_DB_LOCAL_HOSTS; and, when the server sets FERRY_SOURCE_DB_HOSTS, only hosts on that list too
 * (the operator's server-wide ceiling for sources).
 *
 * @example
 * await checkDatabaseHost(await sourceHostPolicy(tx, config, orgId), { host: 'pas-db.trust.nhs.uk', port: 5432 });
 */
export async function sourceHostPolicy(
  tx: TenantTx,
  config: Pick<ServerConfig, 'databaseUrl' | 'localDbHosts' | 'sourceDbHosts'>,
  organisationId: string,
): Promise<DatabaseHostPolicy> {
  const shared = await targetHostPolicy(tx, config, organisationId);
  return {
    ...shared,
    allowedFrom: "the organisation's database hosts, set by the operator",
    noneAllowed:
      'This organisation may connect to no source databases yet: the operator (a super admin) has not allowed it any database host',
    field: 'config.host',
    ...(config.sourceDbHosts === 'any'
      ? {}
      : { ceiling: { hosts: config.sourceDbHosts, from: 'FERRY_SOURCE_DB_HOSTS' } }),
  };
}
