import { FerryError } from '@ferry/core';
import type { FastifyRequest } from 'fastify';

/** What a refused privileged attempt was: the action it tried and what on. */
export interface RefusedAttempt {
  organisationId: string | null;
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
  await request.tenant((tx) =>
    request.audit(tx, {
      organisationId: attempt.organisationId,
      action: `${attempt.action}_refused`,
      targetType: attempt.targetType,
      targetId: attempt.targetId,
      details: { reason: 'separation_of_duties', ...attempt.details },
    }),
  );
  throw new FerryError('FERRY_ERR_SEPARATION_OF_DUTIES', message);
}
