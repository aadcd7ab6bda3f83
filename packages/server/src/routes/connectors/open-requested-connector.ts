import type { FastifyRequest } from 'fastify';
import type { FerryApp } from '../../app-types.js';
import { hideUploadDir, type OpenedConnector, openConnector } from '../../connectors/connector-source.js';
import { connectorUploadDir } from '../../connectors/connector-storage.js';
import { connectorFiles, findConnector } from '../../connectors/connector-view.js';
import { connectorEnvironment } from './connector-environment.js';

/**
 * The connector a request names (404 for another organisation's), with a way to open it for reading outside the
 * request's transaction (its folder or host checked against what its organisation may reach now), and `read` that runs a reader so that errors about uploaded files name the file only.
 */
export async function requestedConnector(app: FerryApp, request: FastifyRequest, connectorId: string) {
  const { connector, files, env } = await request.tenant(async (tx) => {
    const found = await findConnector(tx, connectorId);
    return {
      connector: found,
      files: found.type === 'csv-upload' ? (await connectorFiles(tx, found.id)).length : undefined,
      env: await connectorEnvironment(app, tx, found.organisation_id),
    };
  });
  const uploadDir =
    connector.type === 'csv-upload'
      ? connectorUploadDir(env.dataDir, connector.organisation_id, connector.id)
      : undefined;
  const open = () => openConnector(env, connector, files);
  const read = <T>(fn: (opened: OpenedConnector) => Promise<T>): Promise<T> => {
    const go = async () => fn(await open());
    return uploadDir ? hideUploadDir(uploadDir, go) : go();
  };
  return { connector, open, read, uploadDir };
}
