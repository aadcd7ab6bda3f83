import type { FastifyReply } from 'fastify';
import type { ServerConfig } from '../config/server-config.js';

/** The httpOnly cookie holding the session secret. */
export const sessionCookie = 'ferry_session';
/** A readable cookie holding the CSRF token, for the web UI to echo in the x-csrf-token header. */
export const csrfCookie = 'ferry_csrf';
export const csrfHeader = 'x-csrf-token';

/** Sets the session and CSRF cookies: SameSite=Strict, Secure in production, the session one httpOnly. */
export function setSessionCookies(reply: FastifyReply, config: ServerConfig, session: string, csrf: string): void {
  const base = {
    path: '/',
    sameSite: 'strict' as const,
    secure: config.session.cookieSecure,
    maxAge: config.session.maxHours * 3600,
  };
  reply.setCookie(sessionCookie, session, { ...base, httpOnly: true });
  reply.setCookie(csrfCookie, csrf, { ...base, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, { path: '/' });
  reply.clearCookie(csrfCookie, { path: '/' });
}
