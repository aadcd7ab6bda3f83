import { describe, expect, it } from 'vitest';
import { checkDatabaseHost, endpointOfUrl, hostListed, isLocalAddress } from './database-host.js';

const policy = (over: Partial<Parameters<typeof checkDatabaseHost>[0]> = {}) => ({
  allowed: ['10.1.2.3', 'staging.example:6543', '127.0.0.1', 'localhost', '169.254.169.254'],
  allowedFrom: 'the test list',
  noneAllowed: 'no hosts allowed',
  field: 'host',
  ...over,
});

describe('database host checks', () => {
  it('matches hosts and host:port entries case-insensitively', () => {
    expect(hostListed(['db.example', 'other:5433'], 'DB.Example')).toBe(true);
    expect(hostListed(['other:5433'], 'OTHER', 5433)).toBe(true);
    expect(hostListed(['other:5433'], 'other', 5432)).toBe(false);
    expect(hostListed(['other:5433'], 'other')).toBe(false);
  });

  it('knows loopback, unspecified and link-local addresses, IPv4-mapped included', () => {
    for (const a of [
      '127.0.0.1',
      '127.9.9.9',
      '0.0.0.0',
      '169.254.169.254',
      '::1',
      '::',
      'fe80::1',
      '::ffff:127.0.0.1',
      '[::1]',
      // The same addresses spelt otherwise: written out in full, IPv4-mapped in hex, IPv4-compatible.
      '0:0:0:0:0:0:0:1',
      '0::0',
      '::ffff:7f00:1',
      '::ffff:a9fe:a9fe',
      '::127.0.0.1',
    ])
      expect({ a, local: isLocalAddress(a) }).toEqual({ a, local: true });
    for (const a of ['10.0.0.5', '192.168.1.1', '8.8.8.8', '2001:db8::1', '::ffff:10.0.0.1'])
      expect({ a, local: isLocalAddress(a) }).toEqual({ a, local: false });
  });

  it('reads the endpoint of a postgres URL, and none of an embedded database', () => {
    expect(endpointOfUrl('postgres://u:p@DB.example:6000/x')).toEqual({ host: 'db.example', port: 6000 });
    expect(endpointOfUrl('postgresql://u@db/x')).toEqual({ host: 'db', port: 5432 });
    expect(endpointOfUrl('pglite:/tmp/x')).toBeNull();
  });

  it('refuses a host off the list, naming the list, or the empty-list message', async () => {
    await expect(checkDatabaseHost(policy(), { host: '10.9.9.9', port: 5432 })).rejects.toThrow(
      'This server may not connect to 10.9.9.9:5432; allowed database hosts: 10.1.2.3, staging.example:6543, 127.0.0.1, localhost, 169.254.169.254 (the test list)',
    );
    await expect(checkDatabaseHost(policy(), { host: 'staging.example', port: 5432 })).rejects.toThrow(
      /may not connect/,
    );
    await expect(checkDatabaseHost(policy({ allowed: [] }), { host: '10.1.2.3', port: 5432 })).rejects.toThrow(
      'no hosts allowed',
    );
    await expect(checkDatabaseHost(policy(), { host: '10.1.2.3', port: 5432 })).resolves.toBeUndefined();
  });

  it('refuses loopback and link-local even when listed, unless the operator allows them', async () => {
    for (const host of ['127.0.0.1', 'localhost', '169.254.169.254']) {
      await expect(checkDatabaseHost(policy(), { host, port: 5432 })).rejects.toThrow(
        `This server may not connect to ${host}:5432: a loopback or link-local address (unless the operator lists it in FERRY_DB_LOCAL_HOSTS)`,
      );
    }
    await expect(
      checkDatabaseHost(policy({ localAllowed: ['127.0.0.1:5432'] }), { host: '127.0.0.1', port: 5432 }),
    ).resolves.toBeUndefined();
    await expect(
      checkDatabaseHost(policy({ localAllowed: ['127.0.0.1:5432'] }), { host: '127.0.0.1', port: 5433 }),
    ).rejects.toThrow(/loopback/);
  });

  it("refuses the platform database's own host and port, unless the operator allows it", async () => {
    const platform = { host: '10.1.2.3', port: 5432 };
    await expect(checkDatabaseHost(policy({ platform }), { host: '10.1.2.3', port: 5432 })).rejects.toThrow(
      "This server may not connect to 10.1.2.3:5432: it is the platform's own database (unless the operator lists it in FERRY_DB_LOCAL_HOSTS)",
    );
    await expect(checkDatabaseHost(policy({ platform }), { host: '10.1.2.3', port: 5433 })).resolves.toBeUndefined();
    await expect(
      checkDatabaseHost(policy({ platform, allowed: 'any' }), { host: '10.1.2.3', port: 6000 }),
    ).resolves.toBeUndefined();
    await expect(
      checkDatabaseHost(policy({ platform, localAllowed: ['10.1.2.3'] }), { host: '10.1.2.3', port: 5432 }),
    ).resolves.toBeUndefined();
  });

  it('refuses a host off the server-wide ceiling even when the organisation allows it', async () => {
    const ceiling = { hosts: ['staging.example:6543'], from: 'FERRY_SOURCE_DB_HOSTS' };
    await expect(checkDatabaseHost(policy({ ceiling }), { host: '10.1.2.3', port: 5432 })).rejects.toThrow(
      'This server may not connect to 10.1.2.3:5432; the server allows only: staging.example:6543 (FERRY_SOURCE_DB_HOSTS)',
    );
    await expect(
      checkDatabaseHost(policy({ ceiling }), { host: 'STAGING.example', port: 6543 }),
    ).resolves.toBeUndefined();
    await expect(
      checkDatabaseHost(policy({ ceiling: { hosts: [], from: 'FERRY_SOURCE_DB_HOSTS' } }), {
        host: '10.1.2.3',
        port: 5432,
      }),
    ).rejects.toThrow(
      'This server may not connect to 10.1.2.3:5432: its administrator allows no host (FERRY_SOURCE_DB_HOSTS is empty)',
    );
    // The ceiling narrows, never widens: off the organisation's list stays refused.
    await expect(
      checkDatabaseHost(policy({ ceiling: { hosts: ['10.9.9.9'], from: 'X' } }), { host: '10.9.9.9', port: 5432 }),
    ).rejects.toThrow(/allowed database hosts: /);
  });
});
