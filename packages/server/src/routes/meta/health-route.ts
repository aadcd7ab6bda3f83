import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';

/** GET /health: liveness. The process answers; nothing else is checked. */
export function healthRoute(app: FerryApp): void {
  app.get(
    '/health',
    {
      schema: { tags: ['meta'], summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok') }) } },
      config: { access: 'public', rateLimit: false },
    },
    async () => ({ status: 'ok' as const }),
  );
}
