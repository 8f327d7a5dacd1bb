import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { test as base } from '@playwright/test'
import { createBankDriver, type BankDriver } from '@mhkit/playwright'
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
  bank: async ({ page }, use) => {
    await use(createBankDriver(page))
  },
})
