import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { checkCallerPassword } from '../../identity/check-caller-password.js';
import { checkTotp } from '../../identity/totp.js';
import { okSchema, passwordSchema } from '../schemas.js';

/**
 * POST /api/auth/totp/disable: turns TOTP off. Needs a signed-in session (not an API token), the password (throttled as
 * sign-in is) and a current TOTP code; refused where the organisation requires TOTP.
 */
export function totpDisableRoute(app: FerryApp): void {
  app.post(
    '/api/auth/totp/disable',
    {
      schema: {
        tags: ['auth'],
        summary: 'Disable TOTP',
        body: z.object({ password: passwordSchema, totpCode: z.string().regex(/^\d{6}$/) }),
        response: { 200: okSchema },
      },
      config: { access: 'authenticated' },
    },
    async (request) => {
      const p = request.principal!;
      if (p.via !== 'session')
        throw new FerryError(
          'FERRY_ERR_FORBIDDEN',
          'TOTP can be turned off only from a signed-in session, not an API token',
        );
      const user = await request.tenant((tx) =>
        tx.db
          .selectFrom('users')
          .select(['password_hash', 'organisation_id', 'totp_enabled', 'totp_secret', 'totp_last_step'])
          .where('id', '=', p.userId)
          .executeTakeFirstOrThrow(),
      );
      await checkCallerPassword(app.platform, request, user.password_hash, request.body.password, 'password');
      if (!user.totp_enabled || !user.totp_secret) throw new FerryError('FERRY_ERR_CONFLICT', 'TOTP is not enabled');
      const last = user.totp_last_step === null ? null : Number(user.totp_last_step);
      const step = checkTotp(
        app.platform.secrets.open(user.totp_secret),
        request.body.totpCode,
        last,
        app.platform.now(),
      );
      if (step === undefined) {
        const keys = app.platform.loginThrottle.keys(p.email, request.ip);
        await app.platform.loginThrottle.recordFailure(keys, app.platform.now());
        throw new FerryError('FERRY_ERR_UNAUTHENTICATED', 'Wrong or reused TOTP code', { field: 'totpCode' });
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
