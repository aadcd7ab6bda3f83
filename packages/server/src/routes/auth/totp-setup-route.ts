import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { newTotpSeed } from '../../identity/totp.js';

/**
 * POST /api/auth/totp/setup: a new TOTP seed for the caller (stored encrypted, not yet enabled). The seed and its
 * otpauth:// URI are shown once; POST /api/auth/totp/enable with a code from the app turns it on.
 */
export function totpSetupRoute(app: FerryApp): void {
  app.post(
    '/api/auth/totp/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start TOTP enrolment',
        response: { 200: z.object({ secret: z.string(), uri: z.string() }) },
      },
      config: { access: 'authenticated', allowDuringMfaEnrolment: true },
    },
    async (request) => {
      const p = request.principal!;
      const seed = newTotpSeed(p.email);
      await request.tenant(async (tx) => {
        const user = await tx.db
          .selectFrom('users')
          .select('totp_enabled')
          .where('id', '=', p.userId)
          .executeTakeFirstOrThrow();
        if (user.totp_enabled)
          throw new FerryError('FERRY_ERR_CONFLICT', 'TOTP is already enabled; disable it first to enrol a new device');
        await tx.db
          .updateTable('users')
          .set({ totp_secret: app.platform.secrets.seal(seed.secret), totp_last_step: null })
          .where('id', '=', p.userId)
          .execute();
        await request.audit(tx, { action: 'auth.totp_setup', targetType: 'user', targetId: p.userId });
      });
      return seed;
    },
  );
}
