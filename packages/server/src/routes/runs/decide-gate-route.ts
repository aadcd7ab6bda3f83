import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { contractVersion } from '../../contracts/project-contract-store.js';
import { findRun } from '../../jobs/run-view.js';
import { auditSeparationOfDutiesRefusals } from '../../rbac/refuse-separation-of-duties.js';
import { gateDecisionSchema } from './gate-route.js';
import { runParams } from './run-params.js';

const body = z.object({ decision: z.enum(['go', 'no_go', 'rollback']), note: z.string().trim().max(2000).optional() });

/**
 * POST /api/runs/:runId/gate/decision: records a go / no-go / rollback decision on a finished run. Separation of
 * duties: the person who started the run (and so chose its release profile, whose thresholds the gate applied), or who
 * approved a row of the contract it ran, does not sign its gate (refused and audited as `gate.decide_refused`); nor
 * does anyone through a gate.decide they granted themselves (see `resolvePrincipal`). `go` needs the gate passed.
 */
export function decideGateRoute(app: FerryApp): void {
  app.post(
    '/api/runs/:runId/gate/decision',
    {
      schema: {
        tags: ['gate'],
        summary: 'Record a gate decision',
        params: runParams,
        body,
        response: { 201: gateDecisionSchema },
      },
      config: { access: 'gate.decide' },
    },
    async (request, reply) => {
      const me = request.principal!;
      const attempt = { action: 'gate.decide', targetType: 'run', targetId: request.params.runId };
      const decision = await auditSeparationOfDutiesRefusals(request, attempt, () =>
        request.tenant(async (tx) => {
          const run = await findRun(tx, request.params.runId);
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
          if (request.body.decision === 'go' && run.outcome !== 'PASS')
            throw new FerryError('FERRY_ERR_CONFLICT', `A go needs a passed run; this run's outcome is ${run.outcome}`);
          const created = await tx.db
            .insertInto('gate_decisions')
            .values({
              organisation_id: run.organisation_id,
              run_id: run.id,
              decision: request.body.decision,
              note: request.body.note ?? null,
              decided_by: me.userId,
              decided_at: app.platform.now(),
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await request.audit(tx, {
            organisationId: run.organisation_id,
            action: `gate.${request.body.decision}`,
            targetType: 'run',
            targetId: run.id,
            after: created,
            details: { outcome: run.outcome },
          });
          return created;
        }),
      );
      return reply.status(201).send({
        id: decision.id,
        decision: decision.decision,
        note: decision.note,
        decidedBy: decision.decided_by,
        decidedAt: new Date(decision.decided_at).toISOString(),
      });
    },
  );
}
