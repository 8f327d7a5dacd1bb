import { defineConfig } from '@playwright/test'
import { chromiumArgs, findChromium } from '@mhkit/playwright'

// Browsers are never downloaded here: the journeys run in a system Chromium (or one named by
// CHROMIUM_PATH). findChromium() throws with install instructions when there is none.
process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD ??= '1'
const executablePath = findChromium()

// scripts/test-all.mjs reads the JSON report from this path; a standalone run writes it under
// test-results/.
const jsonReport = process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/report.json'

/** Journeys run again at 390 px on a touch phone: every screen of the demo and the bank. */
const PHONE_JOURNEYS = [
  'connect-new-user',
  'deny',
  'bad-callback',
  'consent-expired',
  'disconnect-logout',
  'pay-by-redirect',
  'payment-rejected-by-bank',
  'vrp-consent-by-redirect',
]

/** Journeys run again in the dark colour scheme. */
const DARK_JOURNEYS = [
  'connect-new-user',
  'deny',
  'consent-expired',
  'pay-by-redirect',
  'vrp-consent-by-redirect',
]

function specs(names: readonly string[]): string[] {
  return names.map((name) => `**/${name}.spec.ts`)
}

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
  // Every journey runs on the desktop in the light scheme; the phone and dark projects run again
  // the journeys listed below (together they show every screen) and accessibility.spec.ts, and
  // axe scans each screen in every project (fixtures.ts). Chosen by file rather than by a tag in
  // the title so the specs themselves stay as they are.
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 900 }, colorScheme: 'light' } },
    {
      name: 'phone',
      testMatch: specs(PHONE_JOURNEYS),
      use: {
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 1,
        isMobile: true,
        hasTouch: true,
        colorScheme: 'light',
      },
    },
    {
      name: 'dark',
      testMatch: specs(DARK_JOURNEYS),
      use: { viewport: { width: 1280, height: 900 }, colorScheme: 'dark' },
    },
  ],
})
