import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { okSchema, passwordSchema } from '../schemas.js';

/** POST /api/auth/totp/disable: turns TOTP off (password required); refused where the organisation requires it. */
export function totpDisableRoute(app: FerryApp): void {
  app.post(
    '/api/auth/totp/disable',
    {
      schema: {
        tags: ['auth'],
        summary: 'Disable TOTP',
        body: z.object({ password: passwordSchema }),
        response: { 200: okSchema },
      },
      config: { access: 'authenticated' },
    },
    async (request) => {
      const p = request.principal!;
      const user = await request.tenant((tx) =>
        tx.db
          .selectFrom('users')
          .select(['password_hash', 'organisation_id'])
          .where('id', '=', p.userId)
          .executeTakeFirstOrThrow(),
      );
      if (!(await app.platform.hasher.verify(user.password_hash, request.body.password))) {
        throw new FerryError('FERRY_ERR_UNAUTHENTICATED', 'The password is wrong', { field: 'password' });
      }
      await request.tenant(async (tx) => {
        if (user.organisation_id) {
          const org = await tx.db
            .selectFrom('organisations')
            .select('require_totp')
            .where('id', '=', user.organisation_id)
            .executeTakeFirstOrThrow();
          if (org.require_totp)
            throw new FerryError('FERRY_ERR_CONFLICT', 'The organisation requires TOTP; it cannot be turned off');
        }
        await tx.db
          .updateTable('users')
          .set({ totp_enabled: false, totp_secret: null, totp_last_step: null })
          .where('id', '=', p.userId)
          .execute();
        await request.audit(tx, { action: 'auth.totp_disable', targetType: 'user', targetId: p.userId });
      });
      return { ok: true as const };
    },
  );
}
