import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { FerryApp } from '../app-types.js';
import { rateLimitKey } from './rate-limit-key.js';

/**
 * Transport security: helmet's headers (CSP, HSTS, frame and MIME-sniffing protection, no referrer), `no-store` on
 * every /api answer, a rate limit on
 * every route per credential (or per address for anonymous calls: `rateLimitKey`) (tighter ones on login and registration), cookies, and multipart uploads capped at the
 * configured size.
 */
export const securityPlugin = fp(async (app: FerryApp) => {
  const { config } = app.platform;
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The OpenAPI explorer at /docs needs its own inline style and images as data: URLs.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  // API answers hold patient-level and account data: no browser or proxy keeps them (a route may say otherwise).
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: rateLimitKey,
  });
  await app.register(cookie);
  // preservePath: the name arrives as sent, so a name such as ../../x is refused instead of silently cut to x.
  await app.register(multipart, {
    preservePath: true,
    limits: { fileSize: config.uploads.maxBytes, files: 1, fields: 10, parts: 12 },
  });
});
