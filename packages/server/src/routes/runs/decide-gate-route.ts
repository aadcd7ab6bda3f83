import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { contractVersion } from '../../contracts/project-contract-store.js';
import { gateDecisionKinds, gateDecisionSchema, readGateDecisions } from '../../gate/gate-decision-history.js';
import { readRunGateReport } from '../../gate/run-gate-report.js';
import { findRun } from '../../jobs/run-view.js';
import { auditSeparationOfDutiesRefusals } from '../../rbac/refuse-separation-of-duties.js';
import { runParams } from './run-params.js';

/** The shortest rationale a decision takes: a sentence, not a click. */
export const minimumRationale = 10;

const body = z.object({
  decision: z.enum(gateDecisionKinds),
  /** Why: required for every decision, withdrawals included. */
  note: z
    .string()
    .trim()
    .min(minimumRationale, `A decision needs a rationale of at least ${minimumRationale} characters`)
    .max(2000),
  /** The release profile the decider confirmed; must be the one the run was gated at. */
  profile: z.string().min(1).max(100),
  /**
   * The decision the caller saw in force (null: none yet). When given, the request is refused if another decision was
   * recorded since, so nobody replaces a decision they have not seen.
   */
  supersedes: z.string().uuid().nullable().optional(),
});

/**
 * POST /api/runs/:runId/gate/decision: records a go / no-go / rollback decision on a finished run, or withdraws the
 * decision in force (`withdrawn`). Every decision needs a rationale and the release profile the decider confirmed
 * (refused when it is not the run's gate profile); a later decision supersedes the earlier one, so a run has one
 * current decision and its history. Separation of duties: the person who started the run (and so chose its release
 * profile, whose thresholds the gate applied), or who approved a row of the contract it ran, does not sign its gate
 * (refused and audited as `gate.decide_refused`); nor does anyone through a gate.decide they granted themselves (see
 * `resolvePrincipal`). `go` needs the gate passed.
 */
export function decideGateRoute(app: FerryApp): void {
  app.post(
    '/api/runs/:runId/gate/decision',
    {
      schema: {
        tags: ['gate'],
        summary: 'Record or withdraw a gate decision',
        params: runParams,
        body,
        response: { 201: gateDecisionSchema },
      },
      config: { access: 'gate.decide' },
    },
    async (request, reply) => {
      const me = request.principal!;
      const { decision, note, profile, supersedes } = request.body;
      const attempt = { action: 'gate.decide', targetType: 'run', targetId: request.params.runId };
      const created = await auditSeparationOfDutiesRefusals(request, attempt, () =>
        request.tenant(async (tx) => {
          const run = await findRun(tx, request.params.runId);
          // One decision at a time per run: the next one names the one it supersedes.
          await tx.run.query('SELECT id FROM runs WHERE id = $1 FOR UPDATE', [run.id]);
          if (run.status !== 'succeeded')
            throw new FerryError(
              'FERRY_ERR_CONFLICT',
              `The run is ${run.status}; only a finished run's gate can be decided`,
            );
          if (run.started_by === me.userId)
            throw new FerryError(
              'FERRY_ERR_SEPARATION_OF_DUTIES',
              'You started this run; another person must decide its gate',
            );
          const { contract } = await contractVersion(tx, run.project_id, run.contract_hash);
          const approvedByMe = contract.tables.flatMap((t) =>
            t.fields.filter((f) => f.reviewer === me.email).map((f) => `${t.target}.${f.target}`),
          );
          if (approvedByMe.length) {
            throw new FerryError(
              'FERRY_ERR_SEPARATION_OF_DUTIES',
              `You reviewed ${approvedByMe.length} row(s) of the contract this run used (${approvedByMe.slice(0, 3).join(', ')}); another person must decide its gate`,
            );
          }
          const report = await readRunGateReport(app.platform.config.dataDir, run);
          if (profile !== report.profile)
            throw new FerryError(
              'FERRY_ERR_CONFLICT',
              `The run was gated at the ${report.profile} profile, not ${profile}; confirm the profile it was gated at`,
            );
          if (decision === 'go' && run.outcome !== 'PASS')
            throw new FerryError('FERRY_ERR_CONFLICT', `A go needs a passed run; this run's outcome is ${run.outcome}`);
          const history = await readGateDecisions(tx, run.id);
          const latest = history.decisions.find((d) => d.supersededBy === null) ?? null;
          if (supersedes !== undefined && supersedes !== (latest?.id ?? null))
            throw new FerryError(
              'FERRY_ERR_CONFLICT',
              'Another gate decision was recorded since you looked; read it before deciding',
              latest ? { current: latest.id } : {},
            );
          if (decision === 'withdrawn' && !history.current)
            throw new FerryError('FERRY_ERR_CONFLICT', 'There is no decision in force to withdraw');
          const row = await tx.db
            .insertInto('gate_decisions')
            .values({
              organisation_id: run.organisation_id,
              run_id: run.id,
              decision,
              note,
              decided_by: me.userId,
              decided_at: app.platform.now(),
              profile: report.profile,
              warnings: report.warnings.length,
              supersedes: latest?.id ?? null,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await request.audit(tx, {
            organisationId: run.organisation_id,
            action: `gate.${decision}`,
            targetType: 'run',
            targetId: run.id,
            before: latest ?? undefined,
            after: row,
            details: { outcome: run.outcome, profile: report.profile, warnings: report.warnings.length },
          });
          return row;
        }),
      );
      return reply.status(201).send({
        id: created.id,
        decision: created.decision,
        note: created.note,
        decidedBy: created.decided_by,
        decidedAt: new Date(created.decided_at).toISOString(),
        profile: created.profile,
        warnings: created.warnings,
        supersedes: created.supersedes,
        supersededBy: null,
      });
    },
  );
}
