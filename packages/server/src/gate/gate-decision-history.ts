import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { GateDecisionsTable } from '../db/platform-schema.js';
import type { TenantTx } from '../db/tenant-transaction.js';

export const gateDecisionKinds = ['go', 'no_go', 'rollback', 'withdrawn'] as const;

export const gateDecisionSchema = z.object({
  id: z.string(),
  decision: z.enum(gateDecisionKinds),
  /** The rationale the decider gave. */
  note: z.string().nullable(),
  decidedBy: z.string(),
  decidedAt: z.string(),
  /** The release profile the decider confirmed (the run's gate profile); null for decisions recorded before it was asked. */
  profile: z.string().nullable(),
  /** How many gate warnings the decider was shown when confirming. */
  warnings: z.number().int().nullable(),
  /** The decision this one replaced. */
  supersedes: z.string().nullable(),
  /** The later decision that replaced this one; null for the latest. */
  supersededBy: z.string().nullable(),
});
export type GateDecisionView = z.infer<typeof gateDecisionSchema>;

/** A run's decisions, oldest first, and the one in force: the latest, unless it was a withdrawal (then none). */
export interface GateDecisionHistory {
  decisions: GateDecisionView[];
  current: GateDecisionView | null;
}

/** Orders a run's decision rows along their `supersedes` chain and says which one is in force. */
export function gateDecisionHistory(rows: readonly Selectable<GateDecisionsTable>[]): GateDecisionHistory {
  const successor = new Map(rows.filter((r) => r.supersedes).map((r) => [r.supersedes!, r.id]));
  const decisions = [...rows]
    .sort((a, b) => new Date(a.decided_at).getTime() - new Date(b.decided_at).getTime() || a.id.localeCompare(b.id))
    .map((d) => ({
      id: d.id,
      decision: d.decision,
      note: d.note,
      decidedBy: d.decided_by,
      decidedAt: new Date(d.decided_at).toISOString(),
      profile: d.profile,
      warnings: d.warnings,
      supersedes: d.supersedes,
      supersededBy: successor.get(d.id) ?? null,
    }));
  const latest = decisions.find((d) => d.supersededBy === null) ?? null;
  return { decisions, current: latest && latest.decision !== 'withdrawn' ? latest : null };
}

/** The decision history of one run (see `gateDecisionHistory`). */
export async function readGateDecisions(tx: TenantTx, runId: string): Promise<GateDecisionHistory> {
  const rows = await tx.db.selectFrom('gate_decisions').selectAll().where('run_id', '=', runId).execute();
  return gateDecisionHistory(rows);
}
