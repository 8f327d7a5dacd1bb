import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test as base } from '@playwright/test'
import { createBankDriver, formatViolations, type BankDriver } from '@mhkit/playwright'
import { allowedRules, scanBeforeLeaving, watchScreens } from './support/screen-scans'
import { createSimAdmin, type SimAdmin } from './support/sim-admin'
import { startStack, type Stack, type StackOptions } from './support/stack'

export { expect } from '@playwright/test'
export type { BankDriver } from '@mhkit/playwright'
export type { SimAdmin } from './support/sim-admin'
export type { AppServerSpec, Stack, StackOptions } from './support/stack'
export { demoPreview, startStack } from './support/stack'
export { chromiumArgs, findChromium } from '@mhkit/playwright'

/** Fixtures that live as long as a worker: one stack per worker. */
export interface StackWorkerFixtures {
  /** Options for the stack; override with `test.use({ stackOptions: { app } })`. */
  stackOptions: StackOptions
  /** The simulator, the BFF and the app, started once per worker and stopped after it. */
  stack: Stack
  /** The simulator's `/__sim/` admin API (expire consents, read counters). */
  simAdmin: SimAdmin
}

/** Fixtures made fresh for every test. */
export interface BankTestFixtures {
  /** Drives the simulator's bank chooser and consent page in the test's `page`. */
  bank: BankDriver
  /**
   * Whether every screen the test's pages show is scanned with axe (default `true`); a spec
   * that scans each state itself with `expectAccessible` may turn it off.
   */
  scanScreens: boolean
}

/**
 * Playwright's `test` with the Connect Kit fixtures: `stack` (a real simulator + BFF + app on
 * free loopback ports), `simAdmin`, and `bank` (`bank.choose(name)`, `bank.approve()`,
 * `bank.deny()`). `baseURL` is the app origin, so `page.goto('/')` opens the app.
 *
 * @example
 * ```ts
 * import { test, expect } from '@mhkit/e2e'
 * test('connects a bank', async ({ page, bank }) => {
 *   await page.goto('/')
 *   await page.getByRole('button', { name: 'Connect a bank' }).click()
 *   await bank.choose('Moneyhub Open Banking Mock')
 *   await bank.approve()
 *   await expect(page.getByRole('heading', { name: 'Accounts' })).toBeVisible()
 * })
 * ```
 */
export const test = base.extend<BankTestFixtures, StackWorkerFixtures>({
  stackOptions: [{}, { scope: 'worker', option: true }],
  stack: [
    async ({ stackOptions }, use, workerInfo) => {
      const logDir =
        stackOptions.logDir ??
        join(workerInfo.project.outputDir, `stack-logs-worker-${workerInfo.workerIndex}`)
      mkdirSync(logDir, { recursive: true })
      const stack = await startStack({ ...stackOptions, logDir })
      await use(stack)
      await stack.stop()
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  simAdmin: [
    async ({ stack }, use) => {
      await use(createSimAdmin(stack.sim.identityUrl, stack.simAdminToken))
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ stack }, use) => {
    await use(stack.appUrl)
  },
  scanScreens: [true, { option: true }],
  // Every journey is an accessibility test: each screen of the app and of the simulator's bank
  // pages is scanned with axe (WCAG 2.x A/AA and best practices) once it settles, and once more
  // at the end; a serious or critical violation fails the test (support/screen-scans.ts).
  page: async ({ page, scanScreens }, use, testInfo) => {
    if (!scanScreens) {
      await use(page)
      return
    }
    const scanner = watchScreens(page.context(), allowedRules())
    await use(page)
    const failed = testInfo.status !== testInfo.expectedStatus
    const report = await scanner.finish({ finalScan: !failed })
    if (report.violations.length > 0) {
      await testInfo.attach('axe-violations', {
        body: JSON.stringify(report.violations, null, 2),
        contentType: 'application/json',
      })
    }
    if (report.blocking.length > 0 && !failed) {
      throw new Error(
        `axe found ${report.blocking.length} serious or critical violation(s) on the screens ` +
          `of this journey (AXE_ALLOW=<rule ids> lets a rule through while its fix lands):\n` +
          formatViolations(report.blocking),
      )
    }
  },
  bank: async ({ page }, use) => {
    await use(scanningBankDriver(createBankDriver(page)))
  },
})

/**
 * The bank driver, scanning each simulator page before pressing its button: the journeys leave
 * the bank's pages as soon as they can, often before a scan started on arrival would end.
 */
function scanningBankDriver(driver: BankDriver): BankDriver {
  const press = async (name: string, act: () => Promise<void>): Promise<void> => {
    await expect(driver.page.getByRole('button', { name, exact: true })).toBeVisible()
    await scanBeforeLeaving(driver.page)
    await act()
  }
  return {
    page: driver.page,
    choose: (name) => press(name, () => driver.choose(name)),
    approve: () => press('Approve', () => driver.approve()),
    deny: () => press('Deny', () => driver.deny()),
    in: (other) => scanningBankDriver(driver.in(other)),
  }
}
