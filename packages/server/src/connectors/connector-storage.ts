import { join } from 'node:path';

/** The folder of a csv-upload connector's files: `<table>.csv` each, named by table, never by an uploaded path. */
export function connectorUploadDir(dataDir: string, orgId: string, connectorId: string): string {
  return join(dataDir, 'connectors', orgId, connectorId);
}

/** The file of one uploaded table. */
export function connectorUploadPath(dataDir: string, orgId: string, connectorId: string, table: string): string {
  return join(connectorUploadDir(dataDir, orgId, connectorId), `${table}.csv`);
}
