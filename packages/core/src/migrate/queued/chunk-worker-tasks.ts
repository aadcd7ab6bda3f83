import type { TaskList } from 'graphile-worker';
import { FerryError, isFerryError } from '../../errors.js';
import type { SqlDatabase } from '../../store/sql-database.js';
import { type ChunkJobPayload, loadChunkTask } from './chunk-job.js';
import { type ChunkOutcome, QueuedChunkLoader } from './queued-chunk-loader.js';

/** One chunk a worker ran. */
export interface ChunkEvent {
  jobId: string;
  table: number;
  chunk: number;
  outcome: ChunkOutcome;
  ms: number;
}

/**
 * The graphile-worker tasks of a Ferry worker: `ferry_load_chunk`, loading into the given target database.
 * Errors that are not Ferry's (a driver's, a parser's) may quote the data they choked on, so the queue records only
 * their name and code; the whole error goes to `onError`, for a debug log.
 *
 * @example
 * const runner = await startQueueRunner({ connectionString: url, tasks: chunkWorkerTasks(db) });
 */
export function chunkWorkerTasks(
  db: SqlDatabase,
  hooks: { onChunk?: (e: ChunkEvent) => void; onError?: (e: unknown) => void } = {},
): TaskList {
  const loader = new QueuedChunkLoader(db);
  return {
    [loadChunkTask]: async (payload) => {
      const started = performance.now();
      try {
        const outcome = await loader.load(payload);
        const p = payload as ChunkJobPayload;
        hooks.onChunk?.({ jobId: p.jobId, table: p.table, chunk: p.chunk, outcome, ms: performance.now() - started });
      } catch (e) {
        hooks.onError?.(e);
        if (isFerryError(e)) throw e;
        const err = e instanceof Error ? e : new Error(String(e));
        const code = (err as { code?: unknown }).code;
        throw new FerryError(
          'FERRY_ERR_INTERNAL',
          `Loading a chunk failed (${err.name}${typeof code === 'string' ? ` ${code}` : ''})`,
          {},
          { cause: e },
        );
      }
    },
  };
}
