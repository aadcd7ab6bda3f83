import type { FerryApp } from '../../app-types.js';
import type { ConnectorEnvironment } from '../../connectors/connector-source.js';
import { sourceFolderPolicy } from '../../connectors/source-folders.js';
import { sourceHostPolicy } from '../../connectors/source-host.js';
import type { TenantTx } from '../../db/tenant-transaction.js';

/** What reading an organisation's connectors needs from this server: where the operator lets it read, as of now. */
export async function connectorEnvironment(
  app: FerryApp,
  tx: TenantTx,
  organisationId: string,
): Promise<ConnectorEnvironment> {
  const { config, secrets } = app.platform;
  return {
    dataDir: config.dataDir,
    folders: await sourceFolderPolicy(tx, config, organisationId),
    hosts: await sourceHostPolicy(tx, config, organisationId),
    secrets,
  };
}
