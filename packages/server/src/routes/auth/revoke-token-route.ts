import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { idSchema, okSchema } from '../schemas.js';

/** DELETE /api/auth/tokens/:tokenId: revokes one of the caller's API tokens. */
export function revokeTokenRoute(app: FerryApp): void {
  app.delete(
    '/api/auth/tokens/:tokenId',
    {
      schema: {
        tags: ['auth'],
        summary: 'Revoke an API token',
        params: z.object({ tokenId: idSchema }),
        response: { 200: okSchema },
      },
      config: { access: 'authenticated' },
    },
    async (request) => {
      await request.tenant(async (tx) => {
        const revoked = await tx.db
          .updateTable('api_tokens')
          .set({ revoked_at: app.platform.now() })
          .where('id', '=', request.params.tokenId)
          .where('user_id', '=', request.principal!.userId)
          .where('revoked_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!revoked) throw new FerryError('FERRY_ERR_NOT_FOUND', `No active API token ${request.params.tokenId}`);
        await request.audit(tx, { action: 'token.revoke', targetType: 'api_token', targetId: revoked.id });
      });
      return { ok: true as const };
    },
  );
}
