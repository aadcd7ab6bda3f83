import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { FerryApp } from '../app-types.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's Prometheus registry (one per app, so several apps in one process do not collide). */
    metrics: Registry;
  }
}

/**
 * Prometheus metrics: requests by method, route pattern and status, and their durations. Labels carry route
 * patterns (`/api/projects/:projectId`), never ids or values. Process metrics are added outside tests.
 */
export const metricsPlugin = fp(async (app: FerryApp) => {
  const registry = new Registry();
  if (app.platform.config.mode !== 'test') collectDefaultMetrics({ register: registry, prefix: 'ferry_' });
  const requests = new Counter({
    name: 'ferry_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'ferry_http_request_duration_seconds',
    help: 'HTTP request durations by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.decorate('metrics', registry);
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    durations.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
});
