import type { FerryApp } from '../../app-types.js';

/** GET /metrics: Prometheus text format. Route patterns and counts only, no ids or values. */
export function metricsRoute(app: FerryApp): void {
  app.get(
    '/metrics',
    {
      schema: { tags: ['meta'], summary: 'Prometheus metrics', hide: true },
      config: { access: 'public', rateLimit: false },
    },
    async (_request, reply) => reply.type(app.metrics.contentType).send(await app.metrics.metrics()),
  );
}
