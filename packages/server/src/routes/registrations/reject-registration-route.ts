import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { idSchema, okSchema } from '../schemas.js';
import { onPendingRegistration } from './decide-registration.js';

const params = z.object({ orgId: idSchema, registrationId: idSchema });

/** POST /api/orgs/:orgId/registrations/:registrationId/reject: refuses the request (with an optional note). */
export function rejectRegistrationRoute(app: FerryApp): void {
  app.post(
    '/api/orgs/:orgId/registrations/:registrationId/reject',
    {
      schema: {
        tags: ['users'],
        summary: 'Reject a registration request',
        params,
        body: z.object({ note: z.string().trim().max(500).optional() }).default({}),
        response: { 200: okSchema },
      },
      config: { access: 'users.manage' },
    },
    async (request) => {
      await onPendingRegistration(request, request.params, async (tx, registration) => {
        await tx.db
          .updateTable('registration_requests')
          .set({
            status: 'rejected',
            decided_by: request.principal!.userId,
            decided_at: app.platform.now(),
            decision_note: request.body.note ?? null,
            password_hash: '',
          })
          .where('id', '=', registration.id)
          .execute();
        await request.audit(tx, {
          organisationId: registration.organisation_id,
          action: 'registration.reject',
          targetType: 'registration',
          targetId: registration.id,
        });
      });
      return { ok: true as const };
    },
  );
}
