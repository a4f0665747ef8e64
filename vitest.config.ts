import { defineConfig } from 'vitest/config';

// Dates in tests mean Swedish local time. Set here too (not only in scripts/test.sh) so that `npx vitest` agrees;
// forked workers inherit the environment of this process.
process.env.TZ = 'Europe/Stockholm';

export default defineConfig({
  test: {
    env: { TZ: 'Europe/Stockholm' },
    teardownTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['test/**/*.int.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          pool: 'forks',
          // Each worker holds an in-memory PGlite (~0.7 GB) or a pool of connections: two at a time is enough.
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
