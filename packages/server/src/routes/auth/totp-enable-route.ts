import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { checkTotp } from '../../identity/totp.js';
import { okSchema } from '../schemas.js';

/** POST /api/auth/totp/enable: turns TOTP on with a first valid code; the current session counts as enrolled. */
export function totpEnableRoute(app: FerryApp): void {
  app.post(
    '/api/auth/totp/enable',
    {
      schema: {
        tags: ['auth'],
        summary: 'Enable TOTP',
        body: z.object({ code: z.string().regex(/^\d{6}$/) }),
        response: { 200: okSchema },
      },
      config: { access: 'authenticated', allowDuringMfaEnrolment: true },
    },
    async (request) => {
      const p = request.principal!;
      await request.tenant(async (tx) => {
        const user = await tx.db
          .selectFrom('users')
          .select(['totp_secret', 'totp_enabled'])
          .where('id', '=', p.userId)
          .executeTakeFirstOrThrow();
        if (user.totp_enabled) throw new FerryError('FERRY_ERR_CONFLICT', 'TOTP is already enabled');
        if (!user.totp_secret) throw new FerryError('FERRY_ERR_CONFLICT', 'Start with POST /api/auth/totp/setup');
        const step = checkTotp(
          app.platform.secrets.open(user.totp_secret),
          request.body.code,
          null,
          app.platform.now(),
        );
        if (step === undefined) throw new FerryError('FERRY_ERR_INPUT', 'Wrong TOTP code', { field: 'code' });
        await tx.db
          .updateTable('users')
          .set({ totp_enabled: true, totp_last_step: step })
          .where('id', '=', p.userId)
          .execute();
        if (p.sessionId) {
          await tx.db
            .updateTable('sessions')
            .set({ mfa_enrolment_required: false })
            .where('id', '=', p.sessionId)
            .execute();
        }
        await request.audit(tx, { action: 'auth.totp_enable', targetType: 'user', targetId: p.userId });
      });
      return { ok: true as const };
    },
  );
}
