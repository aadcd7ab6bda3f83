import { FerryError } from '../errors.js';

/** Network failures that mean a server cannot be reached or went away. */
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);

/** Messages node-postgres itself gives for a connection that went away (its own words, never data). */
const lostConnectionMessages = [
  /^Connection terminated/,
  /^Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
  /^terminating connection due to administrator command/,
];

/** SQLSTATEs of a lost or refused server connection (class 08, and the server shutting down: 57P01-57P03). */
export function isConnectionSqlState(code: string): boolean {
  return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03';
}

/** Whether an error means a database server connection was refused or lost (not a statement that failed). */
export function isConnectionLoss(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (/^[0-9A-Z]{5}$/.test(code) && 'severity' in e) return isConnectionSqlState(code);
    if (networkCodes.has(code)) return true;
  }
  return lostConnectionMessages.some((m) => m.test(e.message));
}

/**
 * The error to throw for a connection to `displayUrl` that was lost: FERRY_ERR_DATABASE_CONNECTION_LOST naming the
 * server (no credentials), the original as its cause. Other errors are returned unchanged.
 */
export function connectionLossError(e: unknown, displayUrl: string): unknown {
  if (!isConnectionLoss(e)) return e;
  return new FerryError(
    'FERRY_ERR_DATABASE_CONNECTION_LOST',
    `Lost the connection to the database ${displayUrl}; what was committed is kept: rerun (or --resume) when it is back`,
    {},
    { cause: e },
  );
}
