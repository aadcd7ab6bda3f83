import type { FerryApp } from '../../app-types.js';
import type { RunEvent } from '../../jobs/run-event.js';
import { findRun } from '../../jobs/run-view.js';
import { runParams } from './run-params.js';

const sse = (event: RunEvent) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

/**
 * GET /api/runs/:runId/events: live progress as server-sent events (stage start, progress, end, then run-finished),
 * read from the run's event log in the caller's scope, so it streams whichever process executes the run. A
 * finished run answers with its final state at once.
 */
export function runEventsRoute(app: FerryApp): void {
  app.get(
    '/api/runs/:runId/events',
    {
      schema: { tags: ['runs'], summary: 'Live run progress (text/event-stream)', params: runParams },
      config: { access: 'run.read' },
    },
    async (request, reply) => {
      const run = await request.tenant((tx) => findRun(tx, request.params.runId));
      reply.hijack();
      const out = reply.raw;
      out.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-content-type-options': 'nosniff',
      });
      if (run.status !== 'queued' && run.status !== 'running') {
        out.end(
          sse({
            type: 'run-finished',
            status: run.status,
            outcome: run.outcome,
            ...(run.error ? { error: run.error } : {}),
          }),
        );
        return;
      }
      const follow = app.platform.runEvents.follow(request.tenant.bind(request), run.id, (event) => {
        out.write(sse(event));
      });
      request.raw.on('close', follow.stop);
      follow.ended
        .catch((err) => request.log.warn({ err, runId: run.id }, 'run progress stream failed'))
        .finally(() => out.end());
    },
  );
}
