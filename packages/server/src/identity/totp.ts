import { generateSecret, generateURI, verifySync } from 'otplib';

/** RFC 6238 TOTP: 6 digits, 30-second steps, one step of clock drift either way. */
const period = 30;

/** A new base32 TOTP seed and the otpauth:// URI an authenticator app scans. */
export function newTotpSeed(account: string): { secret: string; uri: string } {
  const secret = generateSecret();
  return { secret, uri: generateURI({ issuer: 'Ferry', label: account, secret }) };
}

/**
 * Checks a TOTP code. A code is accepted once: `afterStep` is the last accepted time step, and the step of an
 * accepted code is returned so the caller can store it (replay protection).
 *
 * @example
 * const step = checkTotp(secret, '123456', user.totpLastStep); // undefined when wrong or replayed
 */
export function checkTotp(
  secret: string,
  code: string,
  afterStep: number | null,
  now: Date = new Date(),
): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const result = verifySync({
    secret,
    token: code,
    period,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: period,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}
