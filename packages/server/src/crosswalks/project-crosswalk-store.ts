import { type CrosswalkSet, crosswalkHash, crosswalkSetSchema, FerryError } from '@ferry/core';
import type { VersionAuthor } from '../contracts/project-contract-store.js';
import type { CrosswalkEntryChange } from '../db/platform-schema.js';
import type { TenantTx } from '../db/tenant-transaction.js';

/** A saved version of a project's crosswalks, with its content parsed. */
export interface ProjectCrosswalkVersion {
  hash: string;
  seq: number;
  set: CrosswalkSet;
}

/** The current (latest saved) crosswalks of a project. */
export async function currentCrosswalks(tx: TenantTx, projectId: string): Promise<ProjectCrosswalkVersion> {
  const row = await tx.db
    .selectFrom('crosswalk_versions')
    .select(['hash', 'seq', 'content'])
    .where('project_id', '=', projectId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new FerryError('FERRY_ERR_NOT_FOUND', `Project ${projectId} has no crosswalks`);
  return { hash: row.hash, seq: row.seq, set: crosswalkSetSchema.parse(row.content) };
}

/** A version by its full hash. */
export async function crosswalkVersion(
  tx: TenantTx,
  projectId: string,
  hash: string,
): Promise<ProjectCrosswalkVersion> {
  const row = await tx.db
    .selectFrom('crosswalk_versions')
    .select(['hash', 'seq', 'content'])
    .where('project_id', '=', projectId)
    .where('hash', '=', hash)
    .executeTakeFirst();
  if (!row) throw new FerryError('FERRY_ERR_NOT_FOUND', `No crosswalk version ${hash} in project ${projectId}`);
  return { hash: row.hash, seq: row.seq, set: crosswalkSetSchema.parse(row.content) };
}

/** Saves a new version of a project's crosswalks (the same content again saves nothing). */
export async function saveCrosswalkVersion(
  tx: TenantTx,
  project: { id: string; organisation_id: string },
  set: CrosswalkSet,
  meta: { by: VersionAuthor; changes: CrosswalkEntryChange[]; message?: string },
): Promise<ProjectCrosswalkVersion> {
  const latest = await tx.db
    .selectFrom('crosswalk_versions')
    .select(['seq', 'hash'])
    .where('project_id', '=', project.id)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const hash = crosswalkHash(set);
  if (latest?.hash === hash) return currentCrosswalks(tx, project.id);
  await tx.db
    .insertInto('crosswalk_versions')
    .values({
      organisation_id: project.organisation_id,
      project_id: project.id,
      seq: (latest?.seq ?? 0) + 1,
      hash,
      parent_hash: latest?.hash ?? null,
      content: JSON.stringify(set),
      changes: JSON.stringify(meta.changes),
      message: meta.message ?? null,
      created_by: meta.by.userId,
      created_by_email: meta.by.email,
    })
    .execute();
  return { hash, seq: (latest?.seq ?? 0) + 1, set };
}

/**
 * Who made each entry's current content or marked it reviewed (`codeType\0sourceCode` -> user ids): they may not
 * approve or reject it. Drafting an entry (accepting a suggestion) starts the set afresh with its author; marking it
 * reviewed adds the reviewer.
 */
export async function crosswalkMakers(tx: TenantTx, projectId: string): Promise<Map<string, Set<string>>> {
  const versions = await tx.db
    .selectFrom('crosswalk_versions')
    .select(['changes', 'created_by'])
    .where('project_id', '=', projectId)
    .orderBy('seq')
    .execute();
  const makers = new Map<string, Set<string>>();
  for (const v of versions) {
    if (!v.created_by) continue;
    for (const c of v.changes) {
      const key = `${c.codeType}\u0000${c.sourceCode}`;
      if (c.kind === 'draft') makers.set(key, new Set([v.created_by]));
      else if (c.status === 'reviewed') makers.set(key, new Set([...(makers.get(key) ?? []), v.created_by]));
    }
  }
  return makers;
}
