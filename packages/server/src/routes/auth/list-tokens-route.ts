import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';

const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** GET /api/auth/tokens: the caller's API tokens (never the secrets). */
export function listTokensRoute(app: FerryApp): void {
  app.get(
    '/api/auth/tokens',
    {
      schema: { tags: ['auth'], summary: 'My API tokens', response: { 200: z.array(tokenSchema) } },
      config: { access: 'authenticated' },
    },
    async (request) => {
      const rows = await request.tenant((tx) =>
        tx.db
          .selectFrom('api_tokens')
          .selectAll()
          .where('user_id', '=', request.principal!.userId)
          .orderBy('created_at')
          .execute(),
      );
      return rows.map((t) => ({
        id: t.id,
        name: t.name,
        prefix: t.token_prefix,
        createdAt: new Date(t.created_at).toISOString(),
        lastUsedAt: iso(t.last_used_at),
        expiresAt: iso(t.expires_at),
        revokedAt: iso(t.revoked_at),
      }));
    },
  );
}
