import { randomUUID } from 'node:crypto';
import { copyFile, link, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FerryError, sourceConnectorType } from '@ferry/core';
import type { ServerConfig } from '../config/server-config.js';
import type { TenantTx } from '../db/tenant-transaction.js';
import { projectRunDir } from '../jobs/project-run-paths.js';
import { parseConnectorSettings, registryKindOf } from './connector-settings.js';
import type { ConnectorEnvironment } from './connector-source.js';
import { connectorUploadPath } from './connector-storage.js';
import { connectorFiles, findConnector } from './connector-view.js';
import { openSourceDirectory, recheckResolvedSourceDirectory } from './source-directory.js';
import { sourceFolderPolicy } from './source-folders.js';

/** A run's source taken from a connector: a folder of CSV files for the lifecycle, and which connector it was. */
export interface ConnectorRunSource {
  kind: 'folder';
  dir: string;
  connector: { id: string; name: string; type: string; files?: { table: string; sha256: string }[] };
}

/**
 * The source of a lifecycle run that reads a connector of the project. A csv-upload connector's files are
 * hard-linked into `projects/<id>/sources/<uuid>/` (no copy of the bytes; a later upload replaces a file by rename,
 * so the run keeps reading what it started with), and their hashes are recorded. A csv-directory connector is read
 * where it is. PostgreSQL connectors cannot be run sources yet (the lifecycle reads CSV folders).
 * Returns the source and a cleanup for when the run is not created after all.
 */
export async function connectorRunSource(
  env: ConnectorEnvironment,
  tx: TenantTx,
  projectId: string,
  connectorId: string,
): Promise<{ source: ConnectorRunSource; discard: () => Promise<void> }> {
  const connector = await findConnector(tx, connectorId);
  if (connector.project_id !== projectId)
    throw new FerryError('FERRY_ERR_NOT_FOUND', `No connector ${connectorId} in this project`);
  const settings = parseConnectorSettings(connector.type, connector.config);
  const about = { id: connector.id, name: connector.name, type: connector.type };
  if (settings.type !== 'csv-upload' && settings.type !== 'csv-directory') {
    throw new FerryError(
      'FERRY_ERR_USAGE',
      `Connector ${connector.name} is a ${sourceConnectorType(registryKindOf[settings.type]).label} source; runs read CSV extracts (csv-upload or csv-directory connectors); the command line's ferry lifecycle --source reads it`,
    );
  }
  if (settings.type === 'csv-directory') {
    const dir = await openSourceDirectory(env.folders, settings.settings.path);
    return { source: { kind: 'folder', dir, connector: about }, discard: async () => {} };
  }
  const files = await connectorFiles(tx, connector.id);
  if (files.length === 0)
    throw new FerryError('FERRY_ERR_NOT_FOUND', `Connector ${connector.name} has no uploaded CSV files yet`);
  const dir = join(projectRunDir(env.dataDir, projectId), 'sources', randomUUID());
  const discard = () => rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  try {
    for (const f of files) {
      const from = connectorUploadPath(env.dataDir, connector.organisation_id, connector.id, f.table_name);
      const to = join(dir, `${f.table_name}.csv`);
      // A hard link where the file system allows one, else a copy.
      await link(from, to).catch(() => copyFile(from, to));
    }
  } catch (e) {
    await discard();
    throw e;
  }
  return {
    source: {
      kind: 'folder',
      dir,
      connector: { ...about, files: files.map((f) => ({ table: f.table_name, sha256: f.sha256 })) },
    },
    discard,
  };
}

/**
 * Checks again, when a queued run executes, that a run source read in place (a csv-directory connector's folder) is
 * still inside a folder the operator allows the run's organisation: a run queued before the operator withdrew the
 * folder does not read it. Other sources (uploaded extracts copied for the run, reused outputs) pass.
 */
export async function recheckRunSource(
  tx: TenantTx,
  config: Pick<ServerConfig, 'sourceRoots'>,
  organisationId: string,
  source: unknown,
): Promise<void> {
  const s = source as Partial<ConnectorRunSource> | null;
  if (s?.kind !== 'folder' || s.connector?.type !== 'csv-directory' || typeof s.dir !== 'string') return;
  await recheckResolvedSourceDirectory(await sourceFolderPolicy(tx, config, organisationId), s.dir);
}
