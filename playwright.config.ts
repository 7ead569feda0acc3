import { defineConfig } from "@playwright/test";

// Browser tests against the production build (`next build` runs first in `npm test`).
// scripts/test.mjs passes DATABASE_URL (migrated + seeded), the secrets, and a free E2E_PORT;
// the web server inherits that environment.
const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  // Screenshots a test takes itself go to e2e/screenshots/ (git-ignored).
  outputDir: "test-results",
  fullyParallel: false,
  // One worker by default: the journeys share one seeded database and two cores also run
  // the server. E2E_WORKERS=2 for journeys that do not touch each other's data.
  workers: Number(process.env.E2E_WORKERS || 1),
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Ceilings, not expectations: every step waits on a condition (a heading, a URL, a count),
  // and a loaded machine (both cores busy) may take many times longer than an idle one.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: "list",
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "off",
  },
  projects: [
    {
      name: "chromium",
      use: {
        browserName: "chromium",
        // Debian's Chromium: `npx playwright install` cannot download browsers here.
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    // Started as node …/next so that Playwright's group kill leaves no next-server behind.
    command: `node node_modules/next/dist/bin/next start -H 127.0.0.1 -p ${port}`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    stdout: "ignore",
    stderr: "pipe",
  },
});
