import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@ferry/core': here('./packages/core/src/index.ts'),
      '@ferry/pack-nhs-pas': here('./packs/nhs-pas/src/index.ts'),
      '@ferry/server': here('./packages/server/src/index.ts'),
    },
  },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packs/*/src/**/*.test.ts',
      'packs/*/scripts/**/*.test.ts',
      'packs/*/test-schemas/**/*.test.ts',
      'packs/*/quality/**/*.test.ts',
      'packages/web/e2e/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
