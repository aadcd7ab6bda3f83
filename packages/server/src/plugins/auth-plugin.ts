import { FerryError } from '@ferry/core';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { FerryApp } from '../app-types.js';
import { appendAuditEvent } from '../audit/audit-writer.js';
import { actorOf, scopeOf } from '../auth/principal.js';
import { type Credentials, resolvePrincipal } from '../auth/resolve-principal.js';
import { csrfHeader, sessionCookie } from '../auth/session-cookies.js';
import { tenantTransaction } from '../db/tenant-transaction.js';
import { hashSecret, sameDigest } from '../identity/secret-tokens.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function credentialsOf(request: FastifyRequest): Credentials | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { kind: 'token', secret: header.slice(7).trim() };
  const cookie = request.cookies[sessionCookie];
  return cookie ? { kind: 'session', secret: cookie } : undefined;
}

/**
 * Authentication and authorisation for every route. `onRequest` resolves the caller (session cookie or Bearer
 * token); `preValidation` enforces the route's `access` before its input is even validated: 401 without a valid
 * caller, 403 on a state-changing cookie request without the CSRF token, or without the route's permission.
 * A /api route without an `access` rule is refused (fail closed).
 */
export const authPlugin = fp(async (app: FerryApp) => {
  const { platform } = app;
  app.decorateRequest('principal', null);
  app.decorateRequest('authFailure', null);
  app.decorateRequest('tenant', function <T>(this: FastifyRequest, fn: Parameters<FastifyRequest['tenant']>[0]) {
    return tenantTransaction(platform.db, scopeOf(this.principal), fn) as Promise<T>;
  });
  app.decorateRequest('audit', async function (this: FastifyRequest, tx, event) {
    await appendAuditEvent(
      tx,
      {
        ...event,
        ...actorOf(this.principal),
        organisationId: event.organisationId === undefined ? (this.principal?.orgId ?? null) : event.organisationId,
        requestId: String(this.id),
        sourceIp: this.ip,
      },
      platform.now(),
    );
  });

  app.addHook('onRequest', async (request) => {
    const credentials = credentialsOf(request);
    if (!credentials) return;
    const resolution = await resolvePrincipal(platform, credentials);
    if ('principal' in resolution) request.principal = resolution.principal;
    else request.authFailure = resolution.failure;
  });

  app.addHook('preValidation', async (request) => {
    const { access, allowDuringMfaEnrolment } = request.routeOptions.config;
    if (access === undefined) {
      if (request.routeOptions.url?.startsWith('/api'))
        throw new FerryError('FERRY_ERR_INTERNAL', 'Route has no access rule');
      return;
    }
    if (access === 'public') return;
    const principal = request.principal;
    if (!principal)
      throw new FerryError(
        'FERRY_ERR_UNAUTHENTICATED',
        request.authFailure ?? 'Sign in, or send an API token as a Bearer token',
      );
    if (principal.via === 'session' && !safeMethods.has(request.method)) {
      const sent = request.headers[csrfHeader];
      if (typeof sent !== 'string' || !principal.csrfHash || !sameDigest(hashSecret(sent), principal.csrfHash)) {
        throw new FerryError(
          'FERRY_ERR_FORBIDDEN',
          `The CSRF token is missing or wrong: send the ${csrfHeader} header given at sign-in`,
        );
      }
    }
    if (principal.mfaEnrolmentRequired && !allowDuringMfaEnrolment) {
      throw new FerryError(
        'FERRY_ERR_MFA_REQUIRED',
        'The organisation requires TOTP: enrol at /api/auth/totp/setup first',
      );
    }
    if (access !== 'authenticated' && !principal.permissions.has(access)) {
      throw new FerryError('FERRY_ERR_FORBIDDEN', `This needs the ${access} permission`);
    }
  });
});
