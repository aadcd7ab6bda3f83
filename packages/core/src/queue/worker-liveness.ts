import { hostname } from 'node:os';
import { quoteIdent, type SqlDatabase } from '../store/sql-database.js';
import { workerHeartbeatsTable } from './queue-schema.js';

/**
 * Keeps a runner's workers known to be alive, and frees the jobs of workers that are not.
 *
 * graphile-worker locks a job for the worker that takes it, and only treats the lock as abandoned after four hours.
 * A killed process or a lost machine would hold its chunks that long. So each worker records a heartbeat; every
 * interval a runner releases (`force_unlock_workers`) the jobs of its tasks that are locked by workers whose heartbeat
 * is older than `staleAfterMs` (or who never had one), and those jobs run again elsewhere. A worker that is alive but
 * slow keeps its heartbeat, so its jobs are never taken from it.
 */
export class WorkerLiveness {
  private readonly workers = new Set<string>();
  private readonly everStarted = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: SqlDatabase,
    private readonly schema: string,
    /** The task identifiers whose jobs this runner may free (other applications' jobs are left alone). */
    private readonly tasks: readonly string[],
    private readonly staleAfterMs: number,
    private readonly onError: (e: unknown) => void = () => {},
  ) {}

  /** Starts beating every third of `staleAfterMs`. */
  start(): void {
    const every = Math.max(100, Math.floor(this.staleAfterMs / 3));
    this.timer = setInterval(() => {
      this.beating = this.beat().catch(this.onError);
    }, every);
    this.timer.unref();
  }

  /** A worker of this runner started: it is alive from now on. */
  add(workerId: string): void {
    this.workers.add(workerId);
    this.everStarted.add(workerId);
    this.beating = this.beat().catch(this.onError);
  }

  /** A worker stopped cleanly: it beats no more (its heartbeat row goes at `stop`). */
  remove(workerId: string): void {
    this.workers.delete(workerId);
  }

  /** Records this runner's heartbeats, then frees the jobs of dead workers. */
  async beat(): Promise<{ released: string[] }> {
    const table = workerHeartbeatsTable(this.schema);
    const ids = [...this.workers];
    if (ids.length) {
      await this.db.query(
        `INSERT INTO ${table} (worker_id, host, pid, heartbeat_at) SELECT w, $2, $3, now() FROM unnest($1::text[]) AS w
         ON CONFLICT (worker_id) DO UPDATE SET heartbeat_at = now()`,
        [ids, hostname(), process.pid],
      );
    }
    return { released: await this.releaseDeadWorkers() };
  }

  /** Frees the jobs locked by workers without a recent heartbeat; returns their ids. */
  async releaseDeadWorkers(): Promise<string[]> {
    const s = quoteIdent(this.schema);
    const table = workerHeartbeatsTable(this.schema);
    const stale = `make_interval(secs => $1::double precision / 1000)`;
    const dead = await this.db.query<{ worker_id: string }>(
      `SELECT DISTINCT j.locked_by AS worker_id FROM ${s}.jobs j
        WHERE j.locked_by IS NOT NULL AND j.locked_at < now() - ${stale} AND j.task_identifier = ANY($2::text[])
          AND NOT EXISTS (SELECT 1 FROM ${table} h WHERE h.worker_id = j.locked_by AND h.heartbeat_at >= now() - ${stale})`,
      [this.staleAfterMs, this.tasks],
    );
    const ids = dead.map((d) => d.worker_id);
    if (ids.length) {
      await this.db.query(`SELECT ${s}.force_unlock_workers($1::text[])`, [ids]);
      await this.db.query(`DELETE FROM ${table} WHERE worker_id = ANY($1::text[])`, [ids]);
    }
    return ids;
  }

  /** Stops beating and removes this runner's heartbeats. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.beating;
    const ids = [...this.everStarted];
    this.workers.clear();
    await this.db.query(`DELETE FROM ${workerHeartbeatsTable(this.schema)} WHERE worker_id = ANY($1::text[])`, [ids]);
  }
}
