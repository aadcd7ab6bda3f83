import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

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
