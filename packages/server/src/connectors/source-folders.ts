import type { ServerConfig } from '../config/server-config.js';
import type { TenantTx } from '../db/tenant-transaction.js';
import type { SourceFolderPolicy } from './source-directory.js';

/** The server folders the operator allowed an organisation's csv-directory connectors, sorted. */
export async function sourceFolderAllowlist(tx: TenantTx, organisationId: string): Promise<string[]> {
  const rows = await tx.db
    .selectFrom('source_folder_allowlist')
    .select('path')
    .where('organisation_id', '=', organisationId)
    .orderBy('path')
    .execute();
  return rows.map((r) => r.path);
}

/**
 * Where an organisation's csv-directory connectors may read: the folders the operator allowed it (none by default),
 * as far as they lie inside the server's FERRY_SOURCE_ROOTS.
 */
export async function sourceFolderPolicy(
  tx: TenantTx,
  config: Pick<ServerConfig, 'sourceRoots'>,
  organisationId: string,
): Promise<SourceFolderPolicy> {
  return { ceiling: config.sourceRoots, roots: await sourceFolderAllowlist(tx, organisationId) };
}
