import { createRequire } from 'node:module';

/** Ferry's version, from the CLI package manifest. */
export const ferryVersion: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
