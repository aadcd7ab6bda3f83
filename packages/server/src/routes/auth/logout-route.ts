import { FerryError } from '@ferry/core';
import type { FerryApp } from '../../app-types.js';
import { clearSessionCookies } from '../../auth/session-cookies.js';
import { okSchema } from '../schemas.js';

/** POST /api/auth/logout: ends the current session (an API token is revoked with DELETE /api/auth/tokens/:id). */
export function logoutRoute(app: FerryApp): void {
  app.post(
    '/api/auth/logout',
    {
      schema: { tags: ['auth'], summary: 'Sign out', response: { 200: okSchema } },
      config: { access: 'authenticated', allowDuringMfaEnrolment: true },
    },
    async (request, reply) => {
      const { sessionId } = request.principal!;
      if (!sessionId)
        throw new FerryError(
          'FERRY_ERR_USAGE',
          'Signed in with an API token: revoke it with DELETE /api/auth/tokens/:tokenId',
        );
      await request.tenant(async (tx) => {
        await tx.db
          .updateTable('sessions')
          .set({ revoked_at: app.platform.now() })
          .where('id', '=', sessionId)
          .execute();
        await request.audit(tx, { action: 'auth.logout', targetType: 'session', targetId: sessionId });
      });
      clearSessionCookies(reply);
      return { ok: true as const };
    },
  );
}
