import { defineConfig } from '@playwright/test';

// The tests run against the static export served by a plain file server under a sub-path,
// the hardest of the ways a team may host the site. scripts/test.mjs builds it and picks
// a Chromium (E2E_CHROMIUM); run alone, Playwright's own browser is used.
const port = Number(process.env.E2E_PORT || 4173);
export const BASE_PATH = process.env.E2E_BASE_PATH ?? '/kb';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.E2E_CHROMIUM || undefined,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: 'node scripts/serve.mjs',
    url: `http://127.0.0.1:${port}${BASE_PATH}/`,
    env: { PORT: String(port), BASE_PATH, OUT_DIR: process.env.E2E_OUT_DIR || 'out-e2e' },
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
