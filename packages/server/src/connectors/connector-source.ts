import {
  CsvSourceConnector,
  FerryError,
  isFerryError,
  type PostgresSourceSettings,
  postgresSourceUrl,
  type SourceConnector,
  sourceConnectorType,
} from '@ferry/core';
import type { Selectable } from 'kysely';
import type { ConnectorsTable } from '../db/platform-schema.js';
import type { SecretBox } from '../identity/secret-box.js';
import { parseConnectorSettings, registryKindOf } from './connector-settings.js';
import { connectorUploadDir } from './connector-storage.js';
import { checkDatabaseHost, type DatabaseHostPolicy } from './database-host.js';
import { openSourceDirectory, openSourcePath, type SourceFolderPolicy } from './source-directory.js';

/** What reading a connector of one organisation needs from the server: where that organisation may read. */
export interface ConnectorEnvironment {
  dataDir: string;
  /** The folders its csv-directory connectors may read. */
  folders: SourceFolderPolicy;
  /** The database hosts its postgres connectors may connect to. */
  hosts: DatabaseHostPolicy;
  secrets: SecretBox;
}

/** A connector opened for reading: a folder of CSV files, or a PostgreSQL schema. */
export type OpenedConnector =
  | { kind: 'csv'; dir: string; encoding: 'auto' | 'utf-8' | 'windows-1252' | 'latin1'; source: CsvSourceConnector }
  | { kind: 'postgres'; connectionString: string; schema: string; settings: PostgresSourceSettings }
  /** Any other registered connector, read through the `SourceConnector` interface (the caller closes it). */
  | { kind: 'source'; source: SourceConnector };

/**
 * Errors about files of an upload connector name the file, not the folder the server keeps it in.
 */
export function hideUploadDir<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  return fn().catch((e: unknown) => {
    if (isFerryError(e) && typeof e.context.file === 'string' && e.context.file.startsWith(dir)) {
      const file = e.context.file.slice(dir.length).replace(/^[/\\]/, '') || 'the uploaded files';
      throw new FerryError(e.code, e.message, { ...e.context, file }, { cause: e });
    }
    throw e;
  });
}

/**
 * Opens a connector for reading, checking again that its folder or database host is one its organisation may reach
 * now (the operator may have changed the lists since it was configured). A csv-upload connector without files, a
 * csv-directory outside the organisation's folders and a postgres connector on a host it may not reach are clear
 * FERRY_ERR_INPUT / NOT_FOUND errors.
 */
export async function openConnector(
  env: ConnectorEnvironment,
  connector: Selectable<ConnectorsTable>,
  fileCount?: number,
): Promise<OpenedConnector> {
  const parsed = parseConnectorSettings(connector.type, connector.config);
  switch (parsed.type) {
    case 'csv-upload': {
      if (fileCount === 0)
        throw new FerryError('FERRY_ERR_NOT_FOUND', `Connector ${connector.name} has no uploaded CSV files yet`);
      const dir = connectorUploadDir(env.dataDir, connector.organisation_id, connector.id);
      const { encoding } = parsed.settings;
      const source = await hideUploadDir(dir, () => CsvSourceConnector.open(dir, { encoding }));
      return { kind: 'csv', dir, encoding, source };
    }
    case 'csv-directory': {
      const dir = await openSourceDirectory(env.folders, parsed.settings.path);
      const { encoding } = parsed.settings;
      return { kind: 'csv', dir, encoding, source: await CsvSourceConnector.open(dir, { encoding }) };
    }
    case 'postgres': {
      await checkDatabaseHost(env.hosts, { host: parsed.settings.host, port: parsed.settings.port });
      const settings: PostgresSourceSettings = {
        ...parsed.settings,
        ...(connector.secret ? { password: env.secrets.open(connector.secret) } : {}),
      };
      return {
        kind: 'postgres',
        connectionString: postgresSourceUrl(settings),
        schema: parsed.settings.schema,
        settings,
      };
    }
    case 'json':
    case 'xlsx':
    case 'dump': {
      // The file or folder is checked on disk against the organisation's folders, links resolved, every time.
      const path = await openSourcePath(env.folders, parsed.settings.path);
      const source = await sourceConnectorType(registryKindOf[parsed.type]).open({ path });
      return { kind: 'source', source };
    }
    case 'mysql': {
      await checkDatabaseHost(env.hosts, { host: parsed.settings.host, port: parsed.settings.port });
      const settings = {
        ...parsed.settings,
        ...(connector.secret ? { password: env.secrets.open(connector.secret) } : {}),
      };
      return { kind: 'source', source: await sourceConnectorType('mysql').open(settings) };
    }
  }
}
