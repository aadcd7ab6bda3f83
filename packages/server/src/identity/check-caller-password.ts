import { FerryError } from '@ferry/core';
import type { FastifyRequest } from 'fastify';
import type { Platform } from '../app-types.js';

/**
 * Checks a signed-in caller's password for a sensitive change (password change, TOTP disable) under the same throttle
 * as sign-in, so a stolen session or token gets no more guesses than the login form: held back while throttled, a
 * wrong password counted, a right one clearing the account's count.
 */
export async function checkCallerPassword(
  platform: Platform,
  request: FastifyRequest,
  passwordHash: string,
  password: string,
  field: string,
): Promise<void> {
  const now = platform.now();
  const keys = platform.loginThrottle.keys(request.principal!.email, request.ip);
  await platform.loginThrottle.assertAllowed(keys, now);
  if (!(await platform.hasher.verify(passwordHash, password))) {
    await platform.loginThrottle.recordFailure(keys, now);
    throw new FerryError(
      'FERRY_ERR_UNAUTHENTICATED',
      `The ${field === 'password' ? 'password' : 'current password'} is wrong`,
      {
        field,
      },
    );
  }
  await platform.loginThrottle.recordSuccess(keys);
}
