import { defineConfig } from '@playwright/test';

// Browser tests run on Debian's Chromium (apt package `chromium`); Playwright never downloads a browser here.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// The e2e server: the UI freshly built, the real server on a fixed port with a fresh embedded database and demo data.
// E2E_PORT lets a second run (another checkout) use its own port.
const E2E_PORT = Number(process.env.E2E_PORT ?? 3199);
const E2E_SERVER = [
  'node node_modules/vite/bin/vite.js build --logLevel warn',
  'rm -rf .tmp/e2e-data',
  // The browser tests run on the 24 fixture children only (no background growth), so lists stay put.
  `ANVISA_DEMO_CHILDREN=24 ANVISA_DATA_DIR=.tmp/e2e-data PORT=${E2E_PORT} node --import tsx src/server/main.ts`,
].join(' && ');

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: process.env.CI !== undefined && process.env.CI !== '',
  retries: 0,
  // Each test logs in, fills forms and runs axe on every page: on a 2-core machine under load the default 30 s is too
  // tight for the longer flows (a first test once took 32 s). Tests that need more set their own.
  timeout: 90_000,
  reporter: [['list'], ['json', { outputFile: '.tmp/e2e.json' }]],
  webServer: {
    command: E2E_SERVER,
    url: `http://localhost:${E2E_PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    // Let the server finish requests and close the database (it exits within 5 s on SIGTERM).
    gracefulShutdown: { signal: 'SIGTERM', timeout: 8_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    headless: true,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
      },
    },
  ],
});
