import type { Selectable } from 'kysely';
import { z } from 'zod';
import { type IssueTriageTable, triageStatuses } from '../db/platform-schema.js';
import type { TenantTx } from '../db/tenant-transaction.js';

/**
 * What makes two quality issues the same issue across runs: the check, the target table, the target row's key and the
 * field. Keys only, never values.
 */
export const issueIdentitySchema = z.object({
  checkId: z.string().min(1).max(200),
  targetTable: z.string().min(1).max(200),
  targetKey: z.string().max(500),
  field: z.string().max(200),
});
export type IssueIdentity = z.infer<typeof issueIdentitySchema>;

/** The identity as one string, for lookups. */
export function issueIdentityKey(i: IssueIdentity): string {
  return [i.checkId, i.targetTable, i.targetKey, i.field].join('\u0000');
}

export const triageSchema = issueIdentitySchema.extend({
  status: z.enum(triageStatuses),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  note: z.string().nullable(),
  runId: z.string().nullable(),
  updatedBy: z.string(),
  updatedByName: z.string(),
  updatedAt: z.string(),
});
export type TriageView = z.infer<typeof triageSchema>;

type TriageRow = Selectable<IssueTriageTable> & { owner_name: string | null; updated_by_name: string | null };

function triageView(r: TriageRow): TriageView {
  return {
    checkId: r.check_id,
    targetTable: r.target_table,
    targetKey: r.target_key,
    field: r.field,
    status: r.status,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    note: r.note,
    runId: r.run_id,
    updatedBy: r.updated_by,
    updatedByName: r.updated_by_name ?? '',
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** The triage of a project's issues (optionally of one check), newest first, with the people's names. */
export async function listTriage(tx: TenantTx, projectId: string, checkId?: string): Promise<TriageView[]> {
  let q = tx.db
    .selectFrom('issue_triage as t')
    .leftJoin('users as o', 'o.id', 't.owner_id')
    .leftJoin('users as u', 'u.id', 't.updated_by')
    .selectAll('t')
    .select(['o.display_name as owner_name', 'u.display_name as updated_by_name'])
    .where('t.project_id', '=', projectId);
  if (checkId !== undefined) q = q.where('t.check_id', '=', checkId);
  const rows = await q.orderBy('t.updated_at', 'desc').orderBy('t.id').execute();
  return rows.map(triageView);
}

/** The triage of one issue, or undefined when nobody triaged it. */
export async function findTriage(tx: TenantTx, projectId: string, i: IssueIdentity) {
  return tx.db
    .selectFrom('issue_triage')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('check_id', '=', i.checkId)
    .where('target_table', '=', i.targetTable)
    .where('target_key', '=', i.targetKey)
    .where('field', '=', i.field)
    .executeTakeFirst();
}

/** Saves the triage of one issue (insert or update by identity) and returns the stored row. */
export async function saveTriage(
  tx: TenantTx,
  row: Omit<Selectable<IssueTriageTable>, 'id' | 'updated_at'> & { updated_at: Date },
) {
  return tx.db
    .insertInto('issue_triage')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['project_id', 'check_id', 'target_table', 'target_key', 'field']).doUpdateSet({
        status: row.status,
        owner_id: row.owner_id,
        note: row.note,
        run_id: row.run_id,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Looks up the triage of each issue by identity. */
export function triageIndex(triage: readonly TriageView[]): Map<string, TriageView> {
  return new Map(triage.map((t) => [issueIdentityKey(t), t]));
}
