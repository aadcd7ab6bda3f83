import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { passwordProblems } from '../../identity/password-policy.js';
import { findOrganisation } from '../../tenancy/find-organisation.js';
import { orgUserSchema, orgUserView } from '../../tenancy/user-view.js';
import { displayNameSchema, emailSchema, orgParams, orgRoleSchema, passwordSchema } from '../schemas.js';

const body = z.object({
  email: emailSchema,
  displayName: displayNameSchema,
  password: passwordSchema,
  roles: z.array(orgRoleSchema).min(1).max(8),
});

/** POST /api/orgs/:orgId/users: an org admin creates a user directly, with an initial password and roles. */
export function createUserRoute(app: FerryApp): void {
  app.post(
    '/api/orgs/:orgId/users',
    {
      schema: { tags: ['users'], summary: 'Create a user', params: orgParams, body, response: { 201: orgUserSchema } },
      config: { access: 'users.manage' },
    },
    async (request, reply) => {
      const { email, displayName, password, roles } = request.body;
      const problems = passwordProblems(password, email);
      if (problems.length)
        throw new FerryError('FERRY_ERR_INPUT', `The password ${problems.join(', ')}`, { field: 'password' });
      const passwordHash = await app.platform.hasher.hash(password);
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
        });
        return orgUserView(created, unique);
      });
      return reply.status(201).send(user);
    },
  );
}
