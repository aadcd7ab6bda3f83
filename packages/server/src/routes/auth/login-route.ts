import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { setSessionCookies } from '../../auth/session-cookies.js';
import { passwordLogin } from '../../identity/password-login.js';
import { addressKey } from '../../plugins/rate-limit-key.js';
import { emailSchema, userSummaryOf, userSummarySchema } from '../schemas.js';

const loginBody = z.object({
  email: emailSchema,
  password: z.string().min(1).max(256),
  totpCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

const loginResponse = z.object({ user: userSummarySchema, csrfToken: z.string(), mfaEnrolmentRequired: z.boolean() });

/**
 * POST /api/auth/login: password (and TOTP) sign-in. Sets the httpOnly, SameSite=Strict session cookie and returns
 * the CSRF token state-changing requests must send. Rate-limited per address; accounts lock after repeated failures.
 */
export function loginRoute(app: FerryApp): void {
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Sign in', body: loginBody, response: { 200: loginResponse } },
      config: {
        access: 'public',
        rateLimit: { max: app.platform.config.login.attemptsPerMinute, timeWindow: 60_000, keyGenerator: addressKey },
      },
    },
    async (request, reply) => {
      const result = await passwordLogin(app.platform, {
        ...request.body,
        sourceIp: request.ip,
        requestId: String(request.id),
      });
      setSessionCookies(reply, app.platform.config, result.sessionSecret, result.csrfToken);
      return {
        user: userSummaryOf(result.user),
        csrfToken: result.csrfToken,
        mfaEnrolmentRequired: result.mfaEnrolmentRequired,
      };
    },
  );
}
