import { randomUUID } from 'node:crypto';
import { copyFile, link, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FerryError, type LifecycleSource, lifecycleSourceSchema } from '@ferry/core';
import type { ServerConfig } from '../config/server-config.js';
import type { TenantTx } from '../db/tenant-transaction.js';
import type { SecretBox } from '../identity/secret-box.js';
import { projectRunDir } from '../jobs/project-run-paths.js';
import { parseConnectorSettings } from './connector-settings.js';
import type { ConnectorEnvironment } from './connector-source.js';
import { connectorSourceSpec } from './connector-source-spec.js';
import { connectorUploadPath } from './connector-storage.js';
import { connectorFiles, findConnector } from './connector-view.js';
import { openSourceDirectory, recheckResolvedSourceDirectory } from './source-directory.js';
import { sourceFolderPolicy } from './source-folders.js';
import { sourceHostPolicy } from './source-host.js';

/** Which connector a run's source was taken from. */
export interface RunConnectorRef {
  id: string;
  name: string;
  type: string;
  files?: { table: string; sha256: string }[];
}

/**
 * A run's source taken from a connector, as the run's row keeps it: a folder of CSV files for the lifecycle, or a
 * connector read in place through the core registry (json, xlsx, dump, postgres, mysql), whose `--source` spec is
 * built again when the run executes (`connectorSourceSpec`: reach re-checked, the password unsealed, never stored).
 */
export type ConnectorRunSource =
  | { kind: 'folder'; dir: string; connector: RunConnectorRef }
  | { kind: 'connector'; connector: RunConnectorRef };

/**
 * The source of a lifecycle run that reads a connector of the project. A csv-upload connector's files are
 * hard-linked into `projects/<id>/sources/<uuid>/` (no copy of the bytes; a later upload replaces a file by rename,
 * so the run keeps reading what it started with), and their hashes are recorded. A csv-directory connector is read
 * where it is. Any other connector is read in place by the lifecycle through the core registry: its folder or host is
 * checked here (a refusal now, not a failed run later) and again when the run executes.
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
    await connectorSourceSpec(env, connector);
    return { source: { kind: 'connector', connector: about }, discard: async () => {} };
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

/** What building a run's source again needs from the server: its ceilings, its data folder and its secrets. */
export type RunSourceConfig = Pick<
  ServerConfig,
  'dataDir' | 'sourceRoots' | 'sourceDbHosts' | 'databaseUrl' | 'localDbHosts'
> & { secrets: SecretBox };

/**
 * The lifecycle source of a queued run, from what its row keeps (`runs.source`): a folder or a generated cohort as
 * they are; a connector read in place as its `--source` spec, built now (the connector's folder or host checked
 * against what the organisation may reach today, its password unsealed: the row never holds it); a rerun of such a
 * run the same, so that the rerun's stages reach the database the reused ones read. A plain rerun: undefined (the
 * lifecycle takes the source of the run it reuses). A connector since deleted: FERRY_ERR_NOT_FOUND.
 */
export async function lifecycleSourceOfRun(
  tx: TenantTx,
  config: RunSourceConfig,
  organisationId: string,
  source: unknown,
): Promise<LifecycleSource | undefined> {
  const s = (source ?? {}) as { kind?: string; connector?: RunConnectorRef };
  if (s.kind === 'connector' || (s.kind === 'reused' && s.connector)) {
    const connector = await findConnector(tx, s.connector!.id);
    if (connector.organisation_id !== organisationId)
      throw new FerryError('FERRY_ERR_NOT_FOUND', `No connector ${s.connector!.id}`);
    const env: ConnectorEnvironment = {
      dataDir: config.dataDir,
      folders: await sourceFolderPolicy(tx, config, organisationId),
      hosts: await sourceHostPolicy(tx, config, organisationId),
      secrets: config.secrets,
    };
    return { kind: 'connector', spec: await connectorSourceSpec(env, connector) };
  }
  if (s.kind === 'reused') return undefined;
  const parsed = lifecycleSourceSchema.safeParse(source);
  if (!parsed.success) throw new FerryError('FERRY_ERR_INTERNAL', 'the run keeps a source of no known kind');
  return parsed.data;
}

/**
 * What a rerun's row keeps of the source of the run it reruns: which connector, when that run read one in place
 * (the rerun opens it again), else only that it reuses.
 */
export function rerunSourceOf(previous: unknown): Record<string, unknown> {
  const p = (previous ?? {}) as { kind?: string; connector?: RunConnectorRef };
  return (p.kind === 'connector' || p.kind === 'reused') && p.connector
    ? { kind: 'reused', connector: p.connector }
    : { kind: 'reused' };
}
