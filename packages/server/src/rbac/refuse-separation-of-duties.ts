import { FerryError, isFerryError } from '@ferry/core';
import type { FastifyRequest } from 'fastify';

/** What a refused privileged attempt was: the action it tried and what on. */
export interface RefusedAttempt {
  /** The organisation whose chain records the refusal (omitted: the caller's own). */
  organisationId?: string | null;
  /** The action that was refused, e.g. `role.permissions_set`; audited as `<action>_refused`. */
  action: string;
  targetType: string;
  targetId: string;
  /** Keys and counts only (e.g. the permissions asked for). */
  details?: Record<string, unknown>;
}

/**
 * Refuses a privileged attempt that would break separation of duties: the attempt is audited (`<action>_refused`, in
 * its own transaction, so the refusal stays on record although the request's own changes roll back), then
 * FERRY_ERR_SEPARATION_OF_DUTIES (403) is thrown with `message`.
 *
 * @example
 * await refuseSeparationOfDuties(request, { organisationId, action: 'role.permissions_set', targetType: 'role',
 *   targetId: 'org_admin', details: { added: ['gate.decide'] } }, 'You hold org_admin; another admin must grant it');
 */
export async function refuseSeparationOfDuties(
  request: FastifyRequest,
  attempt: RefusedAttempt,
  message: string,
): Promise<never> {
  return auditSeparationOfDutiesRefusals(request, attempt, async () => {
    throw new FerryError('FERRY_ERR_SEPARATION_OF_DUTIES', message);
  });
}

/**
 * Runs `fn` (typically a request's transaction); when it refuses with FERRY_ERR_SEPARATION_OF_DUTIES, its changes roll
 * back and the refusal is audited as `<action>_refused` (in a transaction of its own) before the error goes on.
 *
 * @example
 * return auditSeparationOfDutiesRefusals(request, { organisationId, action: 'gate.decide', targetType: 'run',
 *   targetId: runId }, () => request.tenant(async (tx) => { ... }));
 */
export async function auditSeparationOfDutiesRefusals<T>(
  request: FastifyRequest,
  attempt: RefusedAttempt,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isFerryError(e) && e.code === 'FERRY_ERR_SEPARATION_OF_DUTIES') {
      await request.tenant((tx) =>
        request.audit(tx, {
          organisationId: attempt.organisationId,
          action: `${attempt.action}_refused`,
          targetType: attempt.targetType,
          targetId: attempt.targetId,
          details: { reason: 'separation_of_duties', ...attempt.details },
        }),
      );
    }
    throw e;
  }
}
