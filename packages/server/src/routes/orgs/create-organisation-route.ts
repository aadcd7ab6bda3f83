import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { defaultRolePermissions, orgRoles } from '../../rbac/permissions.js';
import { organisationSchema, organisationView } from '../../tenancy/organisation-view.js';

const body = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and hyphens, 2 to 63 characters'),
  name: z.string().trim().min(1).max(200),
  requireTotp: z.boolean().default(false),
});

/** POST /api/orgs: a new organisation (super admins), starting with the default role-permission matrix. */
export function createOrganisationRoute(app: FerryApp): void {
  app.post(
    '/api/orgs',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Create an organisation',
        body,
        response: { 201: organisationSchema },
      },
      config: { access: 'platform.manage' },
    },
    async (request, reply) => {
      const org = await request.tenant(async (tx) => {
        const created = await tx.db
          .insertInto('organisations')
          .values({ slug: request.body.slug, name: request.body.name, require_totp: request.body.requireTotp })
          .returningAll()
          .executeTakeFirstOrThrow();
        await tx.db
          .insertInto('role_permissions')
          .values(
            orgRoles.flatMap((role) =>
              defaultRolePermissions[role].map((permission) => ({ organisation_id: created.id, role, permission })),
            ),
          )
          .execute();
        await request.audit(tx, {
          organisationId: created.id,
          action: 'organisation.create',
          targetType: 'organisation',
          targetId: created.id,
          after: created,
        });
        return created;
      });
      return reply.status(201).send(organisationView(org));
    },
  );
}
