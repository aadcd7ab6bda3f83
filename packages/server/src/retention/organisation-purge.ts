import { rm } from 'node:fs/promises';
import {
  appendPurgeRecord,
  executePurge,
  type PurgeCandidate,
  type PurgedItem,
  type PurgeVerdict,
  planPurge,
  purgeRecordPath,
  type RetentionPolicy,
  retentionPolicySchema,
  runStoreCandidates,
} from '@ferry/core';
import { connectorUploadPath } from '../connectors/connector-storage.js';
import type { TenantTx } from '../db/tenant-transaction.js';
import { projectRunStore } from '../jobs/project-run-paths.js';
import { findOrganisation } from '../tenancy/find-organisation.js';

/** The organisation's retention policy as stored (0018 gives every organisation the default). */
export async function organisationRetention(tx: TenantTx, orgId: string): Promise<RetentionPolicy> {
  const org = await findOrganisation(tx, orgId);
  return retentionPolicySchema.parse(org.retention);
}

/** A candidate with what removing it touches besides the file system. */
interface OrgCandidate extends PurgeCandidate {
  projectId: string;
  /** For an uploaded extract: its connector_files row, removed with the file. */
  connectorFileId?: string;
}

/**
 * What retention may remove from an organisation: every project's run folders (anchored at the run's latest gate
 * decision, else its end) and every uploaded extract of a project whose runs were decided at the gate after the
 * upload (anchored at the first such decision; undecided uploads are not candidates: they are kept).
 */
async function organisationCandidates(tx: TenantTx, dataDir: string, orgId: string): Promise<OrgCandidate[]> {
  const out: OrgCandidate[] = [];
  const projects = await tx.db.selectFrom('projects').select('id').where('organisation_id', '=', orgId).execute();
  for (const { id: projectId } of projects.sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const decided = await tx.db
      .selectFrom('gate_decisions as g')
      .innerJoin('runs as r', 'r.id', 'g.run_id')
      .select(['r.lifecycle_run_id', 'g.decided_at'])
      .where('r.project_id', '=', projectId)
      .orderBy('g.decided_at')
      .execute();
    const latestByRun = new Map<string, string>();
    for (const d of decided) {
      if (d.lifecycle_run_id) latestByRun.set(d.lifecycle_run_id, new Date(d.decided_at).toISOString());
    }
    for (const c of await runStoreCandidates(projectRunStore(dataDir, projectId), latestByRun)) {
      out.push({ ...c, projectId });
    }
    const files = await tx.db
      .selectFrom('connector_files as f')
      .innerJoin('connectors as c', 'c.id', 'f.connector_id')
      .select(['f.id', 'f.connector_id', 'f.table_name', 'f.uploaded_at'])
      .where('c.project_id', '=', projectId)
      .orderBy('f.uploaded_at')
      .execute();
    for (const f of files) {
      const uploaded = new Date(f.uploaded_at).getTime();
      const after = decided.find((d) => new Date(d.decided_at).getTime() >= uploaded);
      if (!after) continue;
      out.push({
        kind: 'extract',
        owner: `connector-file:${f.id}`,
        path: connectorUploadPath(dataDir, orgId, f.connector_id, f.table_name),
        anchor: new Date(after.decided_at).toISOString(),
        anchorKind: 'gate_decision',
        projectId,
        connectorFileId: f.id,
      });
    }
  }
  return out;
}

/** The outcome of an organisation's purge: the plan, and what was removed (nothing on a dry run). */
export interface OrganisationPurge {
  policy: RetentionPolicy;
  plan: PurgeVerdict[];
  removed: PurgedItem[];
}

/**
 * Purges an organisation by its retention policy: removes exactly the due candidates (files and folders, and the
 * connector_files rows of removed uploads), appends each run's purge record, and answers what went, for the audit
 * trail. `dryRun` only plans.
 */
export async function purgeOrganisation(
  tx: TenantTx,
  dataDir: string,
  orgId: string,
  now: Date,
  dryRun: boolean,
): Promise<OrganisationPurge> {
  const policy = await organisationRetention(tx, orgId);
  const candidates = await organisationCandidates(tx, dataDir, orgId);
  const plan = planPurge(policy, candidates, now);
  if (dryRun) return { policy, plan, removed: [] };
  const removed = await executePurge(plan, now);
  for (const item of removed) {
    const c = candidates.find((x) => x.path === item.path)!;
    if (c.connectorFileId) {
      await tx.db.deleteFrom('connector_files').where('id', '=', c.connectorFileId).execute();
      await rm(item.path, { force: true });
    } else {
      await appendPurgeRecord(purgeRecordPath(projectRunStore(dataDir, c.projectId), item.owner), [item]);
    }
  }
  return { policy, plan, removed };
}
