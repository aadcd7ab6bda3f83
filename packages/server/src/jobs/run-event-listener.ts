import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import { runEventsChannel } from './run-event.js';
import type { RunEventSignal } from './run-event-signal.js';

/**
 * One PostgreSQL connection per server process that LISTENs for run events written by any process (runners in
 * other processes included) and wakes this process's followers. It reconnects after a lost connection; followers
 * poll meanwhile, so nothing is missed, only later.
 */
export class RunEventListener {
  private client: pg.Client | undefined;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;

  private constructor(
    private readonly url: string,
    private readonly signal: RunEventSignal,
    private readonly log?: FastifyBaseLogger,
  ) {}

  static async start(url: string, signal: RunEventSignal, log?: FastifyBaseLogger): Promise<RunEventListener> {
    const listener = new RunEventListener(url, signal, log);
    await listener.connect();
    return listener;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (n) => {
      if (n.channel === runEventsChannel && n.payload) this.signal.notify(n.payload);
    });
    client.on('error', (err) => {
      this.log?.warn({ err }, 'run event listener lost its connection; reconnecting');
      this.client = undefined;
      client.end().catch(() => {});
      this.reconnect();
    });
    await client.connect();
    await client.query(`LISTEN ${runEventsChannel}`);
    if (this.closed) await client.end();
    else this.client = client;
  }

  private reconnect(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.connect().catch(() => this.reconnect());
    }, 1000);
    this.retry.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => {});
    this.client = undefined;
  }
}
