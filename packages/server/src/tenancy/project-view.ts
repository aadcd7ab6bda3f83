import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { TenantTx } from '../db/tenant-transaction.js';

export const projectSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  pack: z.string(),
  settings: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

export function projectView(p: {
  id: string;
  organisation_id: string;
  workspace_id: string;
  name: string;
  pack: string;
  settings: Record<string, unknown>;
  created_at: Date;
}) {
  return {
    id: p.id,
    organisationId: p.organisation_id,
    workspaceId: p.workspace_id,
    name: p.name,
    pack: p.pack,
    settings: p.settings,
    createdAt: new Date(p.created_at).toISOString(),
  };
}

/** A project the scope can see, or FERRY_ERR_NOT_FOUND (another organisation's project answers like an unknown one). */
export async function findProject(tx: TenantTx, projectId: string) {
  const project = await tx.db.selectFrom('projects').selectAll().where('id', '=', projectId).executeTakeFirst();
  if (!project) throw new FerryError('FERRY_ERR_NOT_FOUND', `No project ${projectId}`);
  return project;
}
