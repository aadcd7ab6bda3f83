import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { FerryError } from '@ferry/core';
import type { FerryApp } from '../app-types.js';

/** The web control plane's build (`packages/web/dist`), found from this file in src/ or dist/ alike. */
export const defaultWebRoot = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Where the built UI is; tests point it at a folder of their own. */
export interface WebUiOptions {
  root?: string;
}

/** Paths that belong to the API or the server itself: an unknown one is a JSON 404, never the UI. */
const serverPaths = /^\/(api|docs|health|ready|metrics)(\/|$)/;
/** A path naming a file (an extension in its last segment): a missing asset is a 404, not the UI. */
const filePath = /\/[^/]*\.[A-Za-z0-9]+$/;

/**
 * Serves the web control plane: hashed assets under /assets cached for a year (immutable), index.html never cached,
 * and every other GET that is not an API, docs or probe path answered with index.html so the client router
 * handles deep links (/projects/:id/mappings). When the UI has not been built, the API runs on and a warning says
 * how to build it.
 *
 * @example
 * await app.register(webUiPlugin); // after the API routes
 */
export async function webUiPlugin(app: FerryApp, options: WebUiOptions = {}): Promise<void> {
  const root = options.root ?? defaultWebRoot;
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.warn(`The web UI is not built (no ${indexFile}): run npm run build; the API is served without it`);
    return;
  }
  const indexHtml = await readFile(indexFile);
  const assets = join(root, 'assets');
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    decorateReply: false,
    schemaHide: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', path.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (serverPaths.test(path) || filePath.test(path)) {
      throw new FerryError('FERRY_ERR_NOT_FOUND', `No route GET ${path}`);
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
  });
}
