import type { Selectable } from 'kysely';
import type { TargetDatabasesTable } from '../db/platform-schema.js';
import type { SecretBox } from '../identity/secret-box.js';

/**
 * The connection URL of a target database, its schema first on the search path (where the load creates its tables).
 * It holds the unsealed password: build it only where the connection is made (the runner, a connection test), never
 * store, log or return it.
 *
 * @example
 * targetConnectionUrl(row, secrets) // 'postgres://loader:...@staging.trust:5432/pas?options=-c%20search_path%3Dferry'
 */
export function targetConnectionUrl(target: Selectable<TargetDatabasesTable>, secrets: SecretBox): string {
  const url = new URL('postgres://placeholder');
  url.hostname = target.host.includes(':') && !target.host.startsWith('[') ? `[${target.host}]` : target.host;
  url.port = String(target.port);
  url.username = target.username;
  if (target.secret) url.password = secrets.open(target.secret);
  url.pathname = `/${encodeURIComponent(target.database)}`;
  url.searchParams.set('options', `-c search_path=${target.schema}`);
  return url.toString();
}
