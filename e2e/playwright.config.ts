import { defineConfig } from '@playwright/test'
import { chromiumArgs, findChromium } from '@mhkit/playwright'

// Browsers are never downloaded here: the journeys run in a system Chromium (or one named by
// CHROMIUM_PATH). findChromium() throws with install instructions when there is none.
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD ??= '1'
const executablePath = findChromium()

// scripts/test-all.mjs reads the JSON report from this path; a standalone run writes it under
// test-results/.
const jsonReport = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/report.json'

export default defineConfig({
  testDir: './specs',
  outputDir: './test-results/artifacts',
  globalSetup: './support/global-setup.ts',
  // The machine has two cores shared by everything; one worker runs one stack.
  workers: 1,
  fullyParallel: false,
  forbidOnly: process.env.CI !== undefined,
  // One retry in CI only: the runners share two cores, and a retried pass is still reported
  // as flaky in the JSON report.
  retries: process.env.CI === undefined ? 0 : 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: jsonReport }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath, args: [...chromiumArgs] },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
})
