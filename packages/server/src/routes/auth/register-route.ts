import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { passwordProblems } from '../../identity/password-policy.js';
import { addressKey } from '../../plugins/rate-limit-key.js';
import { displayNameSchema, emailSchema, passwordSchema } from '../schemas.js';

const body = z.object({
  organisation: z.string().trim().min(2).max(63),
  email: emailSchema,
  displayName: displayNameSchema,
  password: passwordSchema,
});

/**
 * POST /api/auth/register: asks to join an organisation (by its slug). An org admin approves or rejects the request;
 * until then no account exists. The answer (202 pending, after the same password hashing) is the same whether or not
 * the organisation exists and whether or not the email is already known: if the organisation exists, its admins see
 * the request.
 */
export function registerRoute(app: FerryApp): void {
  app.post(
    '/api/auth/register',
    {
      schema: {
        tags: ['auth'],
        summary: 'Request an account',
        body,
        response: { 202: z.object({ status: z.literal('pending') }) },
      },
      config: {
        access: 'public',
        rateLimit: { max: app.platform.config.login.attemptsPerMinute, timeWindow: 60_000, keyGenerator: addressKey },
      },
    },
    async (request, reply) => {
      const { organisation, email, displayName, password } = request.body;
      const problems = passwordProblems(password, email);
      if (problems.length)
        throw new FerryError('FERRY_ERR_INPUT', `The password ${problems.join(', ')}`, { field: 'password' });
      const passwordHash = await app.platform.hasher.hash(password);
      await request.tenant(async (tx) => {
        const [org] = await tx.run.query<{ id: string | null }>('SELECT ferry_org_id_by_slug($1) AS id', [
          organisation,
        ]);
        // An unknown organisation answers as a known one does: registration must not reveal which slugs exist.
        if (!org?.id) return;
        const [used] = await tx.run.query<{ used: boolean }>('SELECT ferry_email_in_use($1) AS used', [email]);
        if (used?.used) return;
        // The request joins the organisation's scope, explicitly, to be stored and audited there.
        await tx.run.query(`SELECT set_config('ferry.org_id', $1, true)`, [org.id]);
        const created = await tx.db
          .insertInto('registration_requests')
          .values({ organisation_id: org.id, email, display_name: displayName, password_hash: passwordHash })
          .returning('id')
          .executeTakeFirstOrThrow();
        await request.audit(tx, {
          organisationId: org.id,
          action: 'registration.request',
          targetType: 'registration',
          targetId: created.id,
        });
      });
      return reply.status(202).send({ status: 'pending' as const });
    },
  );
}
