import type { SqlExecutor } from '@ferry/core';
import type { AuditAnchorSettings } from '../config/audit-anchor-config.js';
import { writeAuditCheckpoint } from './audit-anchors.js';

interface CheckpointLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * The server's periodic checkpoint of the audit chains: every `checkpointSeconds` (and once more on close) it appends
 * a signed checkpoint of each chain whose head moved. One query for the heads, and only the new events of a moved
 * chain are re-verified, so a quiet server writes nothing. `checkpointSeconds` 0: no timer, nothing on close.
 *
 * @example
 * const checkpoints = startAuditCheckpoints(db, config.auditAnchors, app.log, () => new Date());
 * app.addHook('onClose', () => checkpoints.close());
 */
export function startAuditCheckpoints(
  db: SqlExecutor,
  settings: AuditAnchorSettings,
  log: CheckpointLog,
  now: () => Date,
): { close(): Promise<void> } {
  if (settings.checkpointSeconds === 0) return { close: async () => {} };
  let running: Promise<void> = Promise.resolve();
  const checkpoint = () => {
    running = running.then(async () => {
      try {
        const { written, refused } = await writeAuditCheckpoint(db, settings, now());
        if (written.length) log.info({ chains: written.length }, 'audit checkpoint written');
        for (const r of refused) log.error({ chain: r.chain }, r.message);
      } catch (error) {
        log.error({ err: error }, 'audit checkpoint failed');
      }
    });
    return running;
  };
  const timer = setInterval(() => void checkpoint(), settings.checkpointSeconds * 1000);
  timer.unref();
  return {
    close: async () => {
      clearInterval(timer);
      await checkpoint();
    },
  };
}
