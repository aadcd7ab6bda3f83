import { join } from 'node:path';
import { testDatabaseUrl } from '@ferry/core';
import { endpointOfUrl } from '../connectors/database-host.js';
import type { ApiResponse } from '../testing/api-client.js';
import { expectStatus } from '../testing/api-client.js';
import { answer } from './attack-request.js';
import type { AttackTally } from './attack-tally.js';
import type { AttackWorld } from './attack-world.js';

/** Ways to name this machine or a cloud metadata service without writing 127.0.0.1. */
const localHosts = [
  '127.0.0.1',
  'localhost',
  'LOCALHOST',
  '127.1',
  '2130706433',
  '0x7f000001',
  '0.0.0.0',
  '::1',
  '[::1]',
  '0:0:0:0:0:0:0:1',
  '::ffff:127.0.0.1',
  '::ffff:7f00:1',
  '169.254.169.254',
  'fe80::1',
];

const refused = (res: ApiResponse) => res.statusCode >= 400 && res.statusCode < 500;

/**
 * (g) An ETL engineer of organisation A tries to point connectors at the platform's own database, at this machine
 * under every spelling, at a cloud metadata address, and at organisation B's folder (directly, by a relative path and
 * through the server roots): every create and every update is refused, also after the operator allowed those hosts to
 * the organisation (loopback needs FERRY_DB_LOCAL_HOSTS, which is empty here), and nothing of B is ever previewed.
 */
export async function connectorChecks(world: AttackWorld, tally: AttackTally): Promise<void> {
  const { a, b, root, t } = world;
  const etl = a.sessions.get('etl_engineer')!;
  const create = (body: object) => etl.post(`/api/projects/${a.ids.projectId}/connectors`, body);
  const platform = [endpointOfUrl(t.config.databaseUrl), endpointOfUrl(testDatabaseUrl)].filter((e) => e !== null);
  const targets = [
    ...platform.map((e) => ({ host: e.host, port: e.port })),
    ...localHosts.map((host) => ({ host, port: 5432 })),
  ];
  const pg = (host: string, port: number) => ({
    name: `Probe ${host}`,
    type: 'postgres',
    config: { host, port, database: 'postgres', user: 'postgres' },
  });
  for (const allowedToOrg of [false, true]) {
    if (allowedToOrg)
      expectStatus(
        await root.put(`/api/orgs/${a.ids.orgId}/target-hosts`, {
          // The list takes names and IPv4 addresses (an IPv6 literal cannot be listed, so it is refused by the list).
          hosts: ['10.20.30.40', ...new Set(targets.map((x) => x.host.toLowerCase()).filter((h) => !h.includes(':')))],
        }),
        200,
      );
    const when = allowedToOrg ? ' (listed for the organisation by the operator)' : '';
    for (const { host, port } of targets) {
      const res = await create(pg(host, port));
      tally.add('connectors', `a postgres connector at ${host}:${port}${when}`, refused(res), answer(res));
      if (res.statusCode < 300) await etl.delete(`/api/connectors/${res.json().id}`);
    }
  }
  // Updating an existing connector to such a host is refused just the same.
  const upload = a.ids.connectorId!;
  for (const host of ['127.0.0.1', '169.254.169.254']) {
    const res = await etl.patch(`/api/connectors/${upload}`, {
      config: { host, port: 5432, database: 'postgres', user: 'postgres' },
    });
    tally.add('connectors', `changing a connector to ${host}`, refused(res), answer(res));
  }
  const folders = [b.folder, join(a.folder, '..', 'bravo'), '../bravo', world.roots, '/etc', join(a.folder, '..')];
  for (const path of folders) {
    const res = await create({ name: `Folder ${path}`, type: 'csv-directory', config: { path } });
    tally.add(
      'connectors',
      `a csv-directory connector on ${path === b.folder ? "bravo's folder" : path}`,
      refused(res),
      answer(res),
    );
    if (res.statusCode < 300) {
      const preview = await etl.get(`/api/connectors/${res.json().id}/tables/PATIENT/rows`);
      tally.add(
        'connectors',
        `no preview of bravo's rows through ${path}`,
        !preview.body.includes('bravo-secret-surname'),
        answer(preview),
      );
      await etl.delete(`/api/connectors/${res.json().id}`);
    }
  }
  // Its own folder works: the refusals above are about whose folder it is, not about folders at all.
  const own = await create({ name: 'Own folder', type: 'csv-directory', config: { path: a.folder } });
  tally.add(
    'connectors',
    "a csv-directory connector on alpha's own folder is allowed",
    own.statusCode === 201,
    answer(own),
  );
  if (own.statusCode === 201) await etl.delete(`/api/connectors/${own.json().id}`);
}
