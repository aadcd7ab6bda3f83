import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { sessionCookie } from '../auth/session-cookies.js';

const sessionInCookies = new RegExp(`(?:^|;\\s*)${sessionCookie}=([^;]+)`);

/**
 * Whose budget a request spends: a caller that presents a credential (API token or session cookie) has its own, so
 * that many users behind one address (a Trust's proxy) do not share one; anonymous calls share their address's. Read
 * from the raw headers (the limit runs before cookies are parsed and before the credential is checked); the
 * credential is hashed, never kept. Sign-in and registration key by address alone (see their routes).
 *
 * @example
 * rateLimitKey(request) // 'ip:10.0.0.7' or 'cred:3f2a…'
 */
export function rateLimitKey(request: FastifyRequest): string {
  const auth = request.headers.authorization;
  const bearer = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
  const session = sessionInCookies.exec(request.headers.cookie ?? '')?.[1];
  const credential = bearer || session;
  if (!credential) return `ip:${request.ip}`;
  return `cred:${createHash('sha256').update(credential).digest('base64url').slice(0, 32)}`;
}

/** Key of the routes whose limit is about the address, whoever calls (sign-in, registration). */
export const addressKey = (request: FastifyRequest): string => `ip:${request.ip}`;
