import { contractHash, FerryError, type MappingContract, mappingContractSchema } from '@ferry/core';
import type { Selectable } from 'kysely';
import type { ContractRowChange, ContractVersionsTable } from '../db/platform-schema.js';
import type { TenantTx } from '../db/tenant-transaction.js';

/** A saved version of a project's contract, with its content parsed. */
export interface ProjectContractVersion {
  row: Selectable<ContractVersionsTable>;
  contract: MappingContract;
}

/** Who saves a version. */
export interface VersionAuthor {
  userId: string | null;
  email: string;
}

/**
 * Serialises contract changes of one project: the project row is locked until the transaction ends, so two
 * concurrent edits cannot both build on the same version (no lost update).
 */
export async function lockProjectContract(tx: TenantTx, projectId: string): Promise<void> {
  await tx.run.query('SELECT id FROM projects WHERE id = $1 FOR UPDATE', [projectId]);
}

/** The current (latest saved) version of a project's contract. */
export async function currentContract(tx: TenantTx, projectId: string): Promise<ProjectContractVersion> {
  const row = await tx.db
    .selectFrom('contract_versions')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new FerryError('FERRY_ERR_NOT_FOUND', `Project ${projectId} has no contract`);
  return { row, contract: mappingContractSchema.parse(row.content) };
}

/** A version by its hash (or a unique prefix of 8+ characters). */
export async function contractVersion(tx: TenantTx, projectId: string, ref: string): Promise<ProjectContractVersion> {
  const rows = await tx.db
    .selectFrom('contract_versions')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('hash', 'like', `${ref.replace(/[^0-9a-f]/g, '')}%`)
    .orderBy('seq', 'desc')
    .execute();
  const hashes = new Set(rows.map((r) => r.hash));
  if (ref.length < 8 || hashes.size !== 1) {
    throw new FerryError('FERRY_ERR_NOT_FOUND', `No single contract version ${ref} in project ${projectId}`, {
      key: ref,
    });
  }
  return { row: rows[0]!, contract: mappingContractSchema.parse(rows[0]!.content) };
}

/**
 * Saves a new version of a project's contract (immutable, content-hashed, with the rows it changed). Saving the
 * current content again saves nothing and returns the current version.
 */
export async function saveContractVersion(
  tx: TenantTx,
  project: { id: string; organisation_id: string },
  contract: MappingContract,
  meta: { by: VersionAuthor; changes: ContractRowChange[]; message?: string },
): Promise<ProjectContractVersion> {
  const latest = await tx.db
    .selectFrom('contract_versions')
    .select(['seq', 'hash'])
    .where('project_id', '=', project.id)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const hash = contractHash(contract);
  if (latest?.hash === hash) return currentContract(tx, project.id);
  const row = await tx.db
    .insertInto('contract_versions')
    .values({
      organisation_id: project.organisation_id,
      project_id: project.id,
      seq: (latest?.seq ?? 0) + 1,
      hash,
      parent_hash: latest?.hash ?? null,
      label: contract.label,
      content: JSON.stringify(contract),
      locked: contract.locked,
      changes: JSON.stringify(meta.changes),
      message: meta.message ?? null,
      created_by: meta.by.userId,
      created_by_email: meta.by.email,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { row, contract };
}

/**
 * Who last authored each row: the author of the newest version that edited its content or marked it reviewed.
 * Rows never touched since the pack's import have no author. Separation of duties compares this with the approver.
 */
export async function rowAuthors(
  tx: TenantTx,
  projectId: string,
): Promise<Map<string, { userId: string | null; email: string }>> {
  const versions = await tx.db
    .selectFrom('contract_versions')
    .select(['changes', 'created_by', 'created_by_email'])
    .where('project_id', '=', projectId)
    .orderBy('seq', 'asc')
    .execute();
  const authors = new Map<string, { userId: string | null; email: string }>();
  for (const v of versions) {
    for (const c of v.changes) {
      if (c.kind === 'edit' || (c.kind === 'status' && c.status === 'reviewed')) {
        authors.set(rowKey(c.table, c.column), { userId: v.created_by, email: v.created_by_email });
      }
    }
  }
  return authors;
}

export const rowKey = (table: string, column: string) => `${table}.${column}`;
