import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The server package's version (packages/server/package.json). */
export const serverVersion: string = (require('../../package.json') as { version: string }).version;

/** What `/api/meta/version` reports: the versions a support request or an evidence package needs. */
export interface VersionManifest {
  ferry: string;
  api: 'v1';
  node: string;
  /** The latest applied platform migration. */
  schema: string | null;
  packs: { name: string; description: string }[];
}
