import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { newSecret } from '../../identity/secret-tokens.js';

const body = z.object({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(366).optional(),
});
const response = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  token: z.string(),
  expiresAt: z.string().nullable(),
});

/** POST /api/auth/tokens: a personal API token for the CLI and scripts. The token is shown once; only its hash is kept. */
export function createTokenRoute(app: FerryApp): void {
  app.post(
    '/api/auth/tokens',
    {
      schema: { tags: ['auth'], summary: 'Create a personal API token', body, response: { 201: response } },
      config: { access: 'authenticated' },
    },
    async (request, reply) => {
      const p = request.principal!;
      const { secret, hash } = newSecret('fpt');
      const now = app.platform.now();
      const expiresAt = request.body.expiresInDays
        ? new Date(now.getTime() + request.body.expiresInDays * 86_400_000)
        : null;
      const row = await request.tenant(async (tx) => {
        const created = await tx.db
          .insertInto('api_tokens')
          .values({
            organisation_id: p.orgId,
            user_id: p.userId,
            name: request.body.name,
            token_hash: hash,
            token_prefix: secret.slice(0, 12),
            created_at: now,
            expires_at: expiresAt,
          })
          .returning(['id', 'name', 'token_prefix'])
          .executeTakeFirstOrThrow();
        await request.audit(tx, {
          action: 'token.create',
          targetType: 'api_token',
          targetId: created.id,
          details: { name: created.name },
        });
        return created;
      });
      return reply.status(201).send({
        id: row.id,
        name: row.name,
        prefix: row.token_prefix,
        token: secret,
        expiresAt: expiresAt?.toISOString() ?? null,
      });
    },
  );
}
