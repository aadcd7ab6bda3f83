import {
  CsvSourceConnector,
  FerryError,
  isFerryError,
  type PostgresSourceSettings,
  postgresSourceUrl,
} from '@ferry/core';
import type { Selectable } from 'kysely';
import type { ConnectorsTable } from '../db/platform-schema.js';
import type { SecretBox } from '../identity/secret-box.js';
import { parseConnectorSettings } from './connector-settings.js';
import { connectorUploadDir } from './connector-storage.js';
import { openSourceDirectory } from './source-directory.js';
import { checkSourceHost } from './source-host.js';

/** What reading a connector needs from the server. */
export interface ConnectorEnvironment {
  dataDir: string;
  sourceRoots: readonly string[];
  sourceDbHosts: 'any' | readonly string[];
  secrets: SecretBox;
}

/** A connector opened for reading: a folder of CSV files, or a PostgreSQL schema. */
export type OpenedConnector =
  | { kind: 'csv'; dir: string; encoding: 'auto' | 'utf-8' | 'windows-1252' | 'latin1'; source: CsvSourceConnector }
  | { kind: 'postgres'; connectionString: string; schema: string; settings: PostgresSourceSettings };

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
 * Opens a connector for reading. A csv-upload connector without files, a csv-directory outside the source roots and
 * a postgres connector without a password are clear FERRY_ERR_INPUT / NOT_FOUND errors.
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
      const dir = await openSourceDirectory(env.sourceRoots, parsed.settings.path);
      const { encoding } = parsed.settings;
      return { kind: 'csv', dir, encoding, source: await CsvSourceConnector.open(dir, { encoding }) };
    }
    case 'postgres': {
      checkSourceHost(env.sourceDbHosts, parsed.settings.host);
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
  }
}
