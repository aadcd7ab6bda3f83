import { FerryError, type SourceConnector, sourceConnectorType } from '@ferry/core';
import type { Selectable } from 'kysely';
import type { ConnectorsTable } from '../db/platform-schema.js';
import { parseConnectorSettings, registryKindOf } from './connector-settings.js';
import type { ConnectorEnvironment } from './connector-source.js';
import { openConnector } from './connector-source.js';
import { checkDatabaseHost } from './database-host.js';
import { openSourcePath } from './source-directory.js';

/**
 * The core registry's settings of a connector that is read in place (json, xlsx, dump, postgres, mysql), checked
 * again against what its organisation may reach now: a file or folder, links resolved, inside its source folders; a
 * database host on its hosts; the password unsealed. CSV connectors are read as folders (`connectorRunSource`):
 * FERRY_ERR_USAGE.
 */
async function registrySettings(
  env: ConnectorEnvironment,
  connector: Selectable<ConnectorsTable>,
): Promise<{ kind: string; settings: Record<string, unknown> }> {
  const parsed = parseConnectorSettings(connector.type, connector.config);
  const kind = registryKindOf[parsed.type];
  switch (parsed.type) {
    case 'csv-upload':
    case 'csv-directory':
      throw new FerryError('FERRY_ERR_USAGE', `Connector ${connector.name} is read as a folder of CSV files`);
    case 'json':
    case 'xlsx':
    case 'dump':
      return { kind, settings: { path: await openSourcePath(env.folders, parsed.settings.path) } };
    case 'postgres':
    case 'mysql': {
      await checkDatabaseHost(env.hosts, { host: parsed.settings.host, port: parsed.settings.port });
      const password = connector.secret ? { password: env.secrets.open(connector.secret) } : {};
      return { kind, settings: { ...parsed.settings, ...password } };
    }
  }
}

/**
 * The `--source` spec a lifecycle run opens a connector read in place with (`json:/srv/x`, `postgres://u:p@h/db?...`),
 * built by the core registry from the connector's settings after the reach checks of `registrySettings`. It may carry
 * the database password: hand it to the lifecycle only (which records it redacted), never store or log it.
 *
 * @example
 * const spec = await connectorSourceSpec(env, connector); // 'mysql://ferry:secret@maria.trust:3306/pas'
 */
export async function connectorSourceSpec(
  env: ConnectorEnvironment,
  connector: Selectable<ConnectorsTable>,
): Promise<string> {
  const { kind, settings } = await registrySettings(env, connector);
  const type = sourceConnectorType(kind);
  return type.toSpec(type.settingsSchema.parse(settings));
}

/**
 * Any connector opened as a `SourceConnector` (CSV folders and uploads too), with the same reach checks as a run;
 * the caller closes it. A csv-upload connector without files is FERRY_ERR_NOT_FOUND.
 */
export async function openConnectorSource(
  env: ConnectorEnvironment,
  connector: Selectable<ConnectorsTable>,
  fileCount?: number,
): Promise<SourceConnector> {
  const parsed = parseConnectorSettings(connector.type, connector.config);
  if (parsed.type === 'csv-upload' || parsed.type === 'csv-directory') {
    const opened = await openConnector(env, connector, fileCount);
    if (opened.kind !== 'csv') throw new FerryError('FERRY_ERR_INTERNAL', 'a CSV connector opened as another kind');
    return opened.source;
  }
  const { kind, settings } = await registrySettings(env, connector);
  const type = sourceConnectorType(kind);
  const typed = type.settingsSchema.parse(settings);
  return type.open(typed);
}
