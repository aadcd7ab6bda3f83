import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { orgUserSchema, orgUserView } from '../../tenancy/user-view.js';
import { idSchema, orgRoleSchema } from '../schemas.js';
import { onPendingRegistration } from './decide-registration.js';

const params = z.object({ orgId: idSchema, registrationId: idSchema });
const body = z
  .object({ roles: z.array(orgRoleSchema).min(1).max(8).default(['viewer']) })
  .default({ roles: ['viewer'] });

/** POST /api/orgs/:orgId/registrations/:registrationId/approve: creates the account with the given roles. */
export function approveRegistrationRoute(app: FerryApp): void {
  app.post(
    '/api/orgs/:orgId/registrations/:registrationId/approve',
    {
      schema: {
        tags: ['users'],
        summary: 'Approve a registration request',
        params,
        body,
        response: { 201: orgUserSchema },
      },
      config: { access: 'users.manage' },
    },
    async (request, reply) => {
      const user = await onPendingRegistration(request, request.params, async (tx, registration) => {
        const now = app.platform.now();
        const created = await tx.db
          .insertInto('users')
          .values({
            organisation_id: registration.organisation_id,
            email: registration.email,
            display_name: registration.display_name,
            password_hash: registration.password_hash,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const roles = [...new Set(request.body.roles)];
        await tx.db
          .insertInto('user_roles')
          .values(
            roles.map((role) => ({
              organisation_id: registration.organisation_id,
              user_id: created.id,
              role,
              granted_by: request.principal!.userId,
            })),
          )
          .execute();
        await tx.db
          .updateTable('registration_requests')
          .set({ status: 'approved', decided_by: request.principal!.userId, decided_at: now, password_hash: '' })
          .where('id', '=', registration.id)
          .execute();
        await request.audit(tx, {
          organisationId: registration.organisation_id,
          action: 'registration.approve',
          targetType: 'registration',
          targetId: registration.id,
          after: { userId: created.id, roles },
          details: { userId: created.id, roles },
        });
        return orgUserView(created, roles);
      });
      return reply.status(201).send(user);
    },
  );
}
