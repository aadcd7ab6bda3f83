import { join } from 'node:path';

/** Where an uploaded document's bytes live: named by its id, never by the uploaded name. */
export function documentPath(dataDir: string, orgId: string, documentId: string): string {
  return join(dataDir, 'documents', orgId, documentId);
}
