import type { FerryApp } from '../../app-types.js';
import type { ConnectorEnvironment } from '../../connectors/connector-source.js';

/** What reading connectors needs from this server. */
export function connectorEnvironment(app: FerryApp): ConnectorEnvironment {
  const { config, secrets } = app.platform;
  return { dataDir: config.dataDir, sourceRoots: config.sourceRoots, sourceDbHosts: config.sourceDbHosts, secrets };
}
