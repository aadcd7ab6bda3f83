import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Tests create hundreds of PGlite databases: each after the first starts from a tarball of a freshly initialised
 * cluster instead of running initdb again (packages/core/src/store/pglite-initdb-cache.ts), in a folder of this user's.
 */
const pgliteInitdbCache = join(tmpdir(), `ferry-pglite-initdb-${userInfo().uid}`);

/** Browser journeys: each starts a `ferry serve` and a Chromium, so they run one at a time, after everything else. */
const browserJourneys = 'packages/web/e2e/**/*.e2e.test.ts';

export default defineConfig({
  resolve: {
    alias: {
      '@ferry/core': here('./packages/core/src/index.ts'),
      '@ferry/pack-nhs-pas': here('./packs/nhs-pas/src/index.ts'),
      '@ferry/pack-optical': here('./packs/optical/src/index.ts'),
      '@ferry/server': here('./packages/server/src/index.ts'),
    },
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { FERRY_PGLITE_INITDB_CACHE: pgliteInitdbCache },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit-and-integration',
          include: [
            'packages/*/src/**/*.test.ts',
            'packs/*/src/**/*.test.ts',
            'packs/*/scripts/**/*.test.ts',
            'packs/*/test-schemas/**/*.test.ts',
            'packs/*/quality/**/*.test.ts',
            'packages/web/e2e/**/*.test.ts',
          ],
          exclude: [browserJourneys, '**/node_modules/**'],
          sequence: { groupOrder: 0 },
          // Vitest's default on a 2-core machine is one file at a time (cores - 1); integration tests spend much of
          // their time waiting on PostgreSQL, PGlite start-up and child processes, so two at a time use the cores.
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser-journeys',
          include: [browserJourneys],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
