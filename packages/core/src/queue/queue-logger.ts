import { Logger } from 'graphile-worker';

/** A line the queue reports: graphile-worker's own log, levelled. */
export interface QueueLogLine {
  level: 'error' | 'warning' | 'info' | 'debug';
  message: string;
}

/**
 * A graphile-worker logger that hands its lines to a callback (core writes to no console); without one it is silent.
 *
 * @example
 * run({ ..., logger: queueLogger((l) => l.level === 'error' && process.stderr.write(`${l.message}\n`)) })
 */
export function queueLogger(onLog?: (line: QueueLogLine) => void): Logger {
  return new Logger(() => (level, message) => onLog?.({ level: level as QueueLogLine['level'], message }));
}
