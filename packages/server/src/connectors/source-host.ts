import { FerryError } from '@ferry/core';
import { hostListed } from './database-host.js';

/**
 * Checks that a postgres connector names a database host this server may reach (FERRY_SOURCE_DB_HOSTS), so that
 * connectors cannot be used to probe the server's network. Host names compare case-insensitively. The same list
 * matching as target databases (database-host.ts `checkDatabaseHost`, which adds the loopback and platform checks).
 *
 * @example
 * checkSourceHost(['pas-db.trust.nhs.uk'], 'PAS-DB.trust.nhs.uk') // passes
 */
export function checkSourceHost(allowed: 'any' | readonly string[], host: string): void {
  if (allowed === 'any' || hostListed(allowed, host)) return;
  throw new FerryError(
    'FERRY_ERR_INPUT',
    allowed.length
      ? `This server may not connect to ${host}; allowed database hosts: ${allowed.join(', ')} (FERRY_SOURCE_DB_HOSTS)`
      : 'This server connects to no source databases: its administrator has not set FERRY_SOURCE_DB_HOSTS',
    { field: 'config.host' },
  );
}
