import { createHash } from 'node:crypto';
import type { EvidenceManifest } from '@ferry/core';
import type { Selectable } from 'kysely';
import type { RunsTable } from '../db/platform-schema.js';
import type { TenantTx } from '../db/tenant-transaction.js';
import { readGateDecisions } from '../gate/gate-decision-history.js';

/** The files the control plane adds to a run's evidence package: what people decided after the run. */
export const decisionRecordFiles = ['gate_decisions.json', 'issue_triage.json'] as const;

/** One file made at download time: its name in the package and its bytes. */
export interface DecisionRecord {
  name: (typeof decisionRecordFiles)[number];
  content: Buffer;
}

/**
 * The gate decisions of a run (its history, oldest first, and the one in force) and the issue triage of its project,
 * as JSON files for the evidence package, with each person named by email. Keys and statuses, never row values.
 */
export async function decisionRecords(tx: TenantTx, run: Selectable<RunsTable>): Promise<DecisionRecord[]> {
  const history = await readGateDecisions(tx, run.id);
  const triage = await tx.db
    .selectFrom('issue_triage')
    .selectAll()
    .where('project_id', '=', run.project_id)
    .orderBy('check_id')
    .orderBy('target_table')
    .orderBy('target_key')
    .orderBy('field')
    .execute();
  const ids = [
    ...new Set([
      ...history.decisions.map((d) => d.decidedBy),
      ...triage.flatMap((t) => [t.updated_by, ...(t.owner_id ? [t.owner_id] : [])]),
    ]),
  ];
  const people = new Map(
    ids.length
      ? (await tx.db.selectFrom('users').select(['id', 'email']).where('id', 'in', ids).execute()).map((u) => [
          u.id,
          u.email,
        ])
      : [],
  );
  const who = (id: string | null) => (id ? (people.get(id) ?? id) : null);
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  const decision = (d: (typeof history.decisions)[number]) => ({ ...d, decidedBy: who(d.decidedBy) });
  return [
    {
      name: 'gate_decisions.json',
      content: json({
        runId: run.id,
        current: history.current ? decision(history.current) : null,
        decisions: history.decisions.map(decision),
      }),
    },
    {
      name: 'issue_triage.json',
      content: json({
        projectId: run.project_id,
        issues: triage.map((t) => ({
          checkId: t.check_id,
          targetTable: t.target_table,
          targetKey: t.target_key,
          field: t.field,
          status: t.status,
          owner: who(t.owner_id),
          note: t.note,
          runId: t.run_id,
          updatedBy: who(t.updated_by),
          updatedAt: new Date(t.updated_at).toISOString(),
        })),
      }),
    },
  ];
}

/** The run's manifest with the decision records listed too (sha256 and size each), so the package verifies whole. */
export function manifestWithDecisions(
  manifest: EvidenceManifest,
  records: readonly DecisionRecord[],
): EvidenceManifest {
  const files = { ...manifest.files };
  for (const r of records)
    files[r.name] = { sha256: createHash('sha256').update(r.content).digest('hex'), bytes: r.content.length };
  return { ...manifest, files };
}
