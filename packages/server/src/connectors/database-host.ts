import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { FerryError } from '@ferry/core';

/** A database host and port as a connection would name them. */
export interface DatabaseEndpoint {
  host: string;
  port: number;
}

/** Where this server may connect to a database (source connectors and target databases share this check). */
export interface DatabaseHostPolicy {
  /** Hosts that may be named (`host` or `host:port`, lower case), or `any`. */
  allowed: 'any' | readonly string[];
  /** Where the allowed list comes from, for the refusal (e.g. `FERRY_SOURCE_DB_HOSTS`). */
  allowedFrom: string;
  /** What an empty list means to the user, for the refusal. */
  noneAllowed: string;
  /** Loopback, link-local and platform hosts the operator explicitly allowed (`host` or `host:port`). */
  localAllowed?: readonly string[];
  /** The platform database's own endpoint (never reachable unless the operator listed it in `localAllowed`). */
  platform?: DatabaseEndpoint | null;
  /** The request field that named the host, for the refusal. */
  field: string;
  /**
   * A server-wide list the host must also be on (source connectors: FERRY_SOURCE_DB_HOSTS), whatever `allowed` says;
   * `from` names it in the refusal.
   */
  ceiling?: { hosts: readonly string[]; from: string };
}

/** Whether `host` (optionally at `port`) is on a list of `host` or `host:port` entries; names compare case-insensitively. */
export function hostListed(list: readonly string[], host: string, port?: number): boolean {
  const h = host.toLowerCase();
  return list.includes(h) || (port !== undefined && list.includes(`${h}:${port}`));
}

/**
 * Loopback, unspecified and link-local ranges. Node's BlockList compares addresses, not spellings: an IPv6 address
 * written out in full (`0:0:0:0:0:0:0:1`) or an IPv4-mapped one in hex (`::ffff:7f00:1`) matches as it connects.
 */
const localRanges = (() => {
  const list = new BlockList();
  list.addSubnet('127.0.0.0', 8, 'ipv4');
  list.addSubnet('0.0.0.0', 8, 'ipv4');
  list.addSubnet('169.254.0.0', 16, 'ipv4');
  // ::/96 holds the unspecified address, ::1 and the deprecated IPv4-compatible addresses.
  list.addSubnet('::', 96, 'ipv6');
  list.addSubnet('fe80::', 10, 'ipv6');
  return list;
})();

/** Whether an IPv4 or IPv6 address is loopback, unspecified or link-local (IPv4-mapped IPv6 included). */
export function isLocalAddress(address: string): boolean {
  const a = address.toLowerCase().replace(/^\[|\]$/g, '');
  const family = isIP(a);
  if (family === 0) return false;
  return localRanges.check(a, family === 4 ? 'ipv4' : 'ipv6');
}

/** The addresses a host name stands for (an address stands for itself); none when it does not resolve. */
async function addressesOf(host: string): Promise<string[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare)) return [bare.toLowerCase()];
  try {
    return (await lookup(bare, { all: true, verbatim: true })).map((r) => r.address.toLowerCase());
  } catch {
    return [];
  }
}

/** The endpoint of a `postgres://` URL, or null for another kind of database (the embedded PGlite has no host). */
export function endpointOfUrl(url: string): DatabaseEndpoint | null {
  if (!/^postgres(ql)?:\/\//.test(url)) return null;
  try {
    const u = new URL(url);
    return { host: u.hostname.toLowerCase() || 'localhost', port: Number(u.port || 5432) };
  } catch {
    return null;
  }
}

/**
 * Checks that this server may connect to a database at `host:port`: the host is on the allowed list, and, unless the
 * operator listed it in `localAllowed`, it resolves to no loopback, unspecified or link-local address and is not the
 * platform database's own endpoint (so a connection cannot reach the platform's data, the server's own network or a
 * cloud metadata service). Throws FERRY_ERR_INPUT naming the field and what to ask the operator for; never a value
 * beyond the host the caller gave.
 *
 * Names are resolved when checked: call it again right before connecting (a run re-checks at run time).
 *
 * @example
 * await checkDatabaseHost({ allowed: ['staging.trust.nhs.uk'], allowedFrom: 'the organisation's target hosts',
 *   noneAllowed: '...', field: 'host' }, { host: 'staging.trust.nhs.uk', port: 5432 });
 */
export async function checkDatabaseHost(policy: DatabaseHostPolicy, endpoint: DatabaseEndpoint): Promise<void> {
  const { host, port } = endpoint;
  const refuse = (message: string) => new FerryError('FERRY_ERR_INPUT', message, { field: policy.field });
  const { ceiling } = policy;
  if (ceiling && !hostListed(ceiling.hosts, host, port))
    throw refuse(
      ceiling.hosts.length
        ? `This server may not connect to ${host}:${port}; the server allows only: ${ceiling.hosts.join(', ')} (${ceiling.from})`
        : `This server may not connect to ${host}:${port}: its administrator allows no host (${ceiling.from} is empty)`,
    );
  if (policy.allowed !== 'any' && !hostListed(policy.allowed, host, port)) {
    throw refuse(
      policy.allowed.length
        ? `This server may not connect to ${host}:${port}; allowed database hosts: ${policy.allowed.join(', ')} (${policy.allowedFrom})`
        : policy.noneAllowed,
    );
  }
  const localAllowed = policy.localAllowed ?? [];
  if (hostListed(localAllowed, host, port)) return;
  const addresses = await addressesOf(host);
  const operator = 'unless the operator lists it in FERRY_DB_LOCAL_HOSTS';
  if (addresses.some(isLocalAddress) || host.toLowerCase() === 'localhost')
    throw refuse(`This server may not connect to ${host}:${port}: a loopback or link-local address (${operator})`);
  const platform = policy.platform;
  if (platform && platform.port === port) {
    const platformAddresses = await addressesOf(platform.host);
    if (host.toLowerCase() === platform.host || addresses.some((a) => platformAddresses.includes(a)))
      throw refuse(`This server may not connect to ${host}:${port}: it is the platform's own database (${operator})`);
  }
}
