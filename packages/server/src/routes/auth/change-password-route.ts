import { FerryError } from '@ferry/core';
import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { checkCallerPassword } from '../../identity/check-caller-password.js';
import { passwordProblems } from '../../identity/password-policy.js';
import { okSchema, passwordSchema } from '../schemas.js';

const body = z.object({ currentPassword: passwordSchema, newPassword: passwordSchema });

/** POST /api/auth/password: changes the caller's password (policy-checked) and ends their other sessions. */
export function changePasswordRoute(app: FerryApp): void {
  app.post(
    '/api/auth/password',
    {
      schema: { tags: ['auth'], summary: 'Change my password', body, response: { 200: okSchema } },
      config: { access: 'authenticated' },
    },
    async (request) => {
      const p = request.principal!;
      const problems = passwordProblems(request.body.newPassword, p.email);
      if (problems.length)
        throw new FerryError('FERRY_ERR_INPUT', `The new password ${problems.join(', ')}`, { field: 'newPassword' });
      const stored = await request.tenant((tx) =>
        tx.db.selectFrom('users').select('password_hash').where('id', '=', p.userId).executeTakeFirstOrThrow(),
      );
      await checkCallerPassword(
        app.platform,
        request,
        stored.password_hash,
        request.body.currentPassword,
        'currentPassword',
      );
      const hash = await app.platform.hasher.hash(request.body.newPassword);
      const now = app.platform.now();
      await request.tenant(async (tx) => {
        await tx.db
          .updateTable('users')
          .set({ password_hash: hash, password_changed_at: now })
          .where('id', '=', p.userId)
          .execute();
        const ended = await tx.db
          .updateTable('sessions')
          .set({ revoked_at: now })
          .where('user_id', '=', p.userId)
          .where('revoked_at', 'is', null)
          .$if(p.sessionId !== undefined, (q) => q.where('id', '!=', p.sessionId!))
          .returning('id')
          .execute();
        await request.audit(tx, {
          action: 'auth.password_change',
          targetType: 'user',
          targetId: p.userId,
          details: { sessionsEnded: ended.length },
        });
      });
      return { ok: true as const };
    },
  );
}
