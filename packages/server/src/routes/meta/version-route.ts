import { z } from 'zod';
import type { FerryApp } from '../../app-types.js';
import { serverVersion } from '../../meta/version-manifest.js';

const versionSchema = z.object({
  ferry: z.string(),
  api: z.literal('v1'),
  node: z.string(),
  schema: z.string().nullable(),
  packs: z.array(z.object({ name: z.string(), description: z.string() })),
});

/** GET /api/meta/version: the version manifest (server, API, Node, applied schema, packs). */
export function versionRoute(app: FerryApp): void {
  app.get(
    '/api/meta/version',
    {
      schema: { tags: ['meta'], summary: 'Version manifest', response: { 200: versionSchema } },
      config: { access: 'public' },
    },
    async () => {
      const applied = (await app.platform.migrator.status()).filter((s) => s.state === 'applied');
      return {
        ferry: serverVersion,
        api: 'v1' as const,
        node: process.version,
        schema: applied.at(-1)?.name ?? null,
        packs: [...app.platform.packs.values()].map((p) => ({ name: p.name, description: p.description })),
      };
    },
  );
}
