import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { issuePasswordCode, passwordCodeSchema, unusablePasswordHash } from '../../identity/password-codes.js';
import { findOrganisation } from '../../tenancy/find-organisation.js';
import { orgUserSchema, orgUserView } from '../../tenancy/user-view.js';
import { displayNameSchema, emailSchema, orgParams, orgRoleSchema } from '../schemas.js';

// Strict: an administrator never chooses a user's password, and a `password` sent anyway is refused, not ignored.
const body = z.strictObject({
  email: emailSchema,
  displayName: displayNameSchema,
  roles: z.array(orgRoleSchema).min(1).max(8),
});

const createdSchema = orgUserSchema.extend({ setPasswordCode: passwordCodeSchema });

/**
 * POST /api/orgs/:orgId/users: an org admin creates a user with roles, but no password: the answer carries a
 * single-use code (shown this once, valid for 24 hours) the administrator passes on, with which the user sets their
 * own password at /api/auth/password/set. Until then nobody can sign in to the account.
 */
export function createUserRoute(app: FerryApp): void {
  app.post(
    '/api/orgs/:orgId/users',
    {
      schema: { tags: ['users'], summary: 'Create a user', params: orgParams, body, response: { 201: createdSchema } },
      config: { access: 'users.manage' },
    },
    async (request, reply) => {
      const { email, displayName, roles } = request.body;
      const passwordHash = await unusablePasswordHash(app.platform.hasher);
      const user = await request.tenant(async (tx) => {
        const org = await findOrganisation(tx, request.params.orgId);
        const [used] = await tx.run.query<{ used: boolean }>('SELECT ferry_email_in_use($1) AS used', [email]);
        if (used?.used)
          throw new FerryError('FERRY_ERR_CONFLICT', 'A user or a pending registration already has this email', {
            field: 'email',
          });
        const created = await tx.db
          .insertInto('users')
          .values({ organisation_id: org.id, email, display_name: displayName, password_hash: passwordHash })
          .returningAll()
          .executeTakeFirstOrThrow();
        const unique = [...new Set(roles)];
        await tx.db
          .insertInto('user_roles')
          .values(
            unique.map((role) => ({
              organisation_id: org.id,
              user_id: created.id,
              role,
              granted_by: request.principal!.userId,
            })),
          )
          .execute();
        await request.audit(tx, {
          organisationId: org.id,
          action: 'user.create',
          targetType: 'user',
          targetId: created.id,
          after: { email, roles: unique },
          details: { setPasswordCodeIssued: true },
        });
        const setPasswordCode = await issuePasswordCode(tx, {
          organisationId: org.id,
          userId: created.id,
          purpose: 'initial',
          createdBy: request.principal!.userId,
          now: app.platform.now(),
        });
        return { ...orgUserView(created, unique), setPasswordCode };
      });
      return reply.status(201).send(user);
    },
  );
}
