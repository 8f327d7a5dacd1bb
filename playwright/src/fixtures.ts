import { test as base } from '@playwright/test'
import { SimAdminClient } from '@mhkit/sim'

import { createBankDriver, type BankDriver } from './bank-driver'

/** Fixtures made fresh for every test. */
export interface MhkitTestFixtures {
  /** Drives the simulator's bank pages in the test's `page`: `choose`, `approve`, `deny`. */
  bank: BankDriver
}

/** Fixtures shared by a worker. */
export interface MhkitWorkerFixtures {
  /**
   * The simulator's identity origin (`http://127.0.0.1:<port>`); set it with
   * `use: { ...simulatorServer(...).use }`.
   */
  simulatorUrl: string
  /**
   * The simulator's admin API: `expireConsent`, `fault`, `clearFaults`, `counters`,
   * `issuedSecrets` (every token value it issued, for leak checks), `revokeGrant`, ...
   */
  simAdmin: SimAdminClient
}

/**
 * Playwright's `test` with the Connect Kit fixtures. Your config starts the simulator (see
 * `simulatorServer`), your BFF and your app; the fixtures drive the bank pages and reach the
 * simulator's admin API.
 *
 * @example
 * ```ts
 * import { test, expect } from '@mhkit/playwright'
 * test('connects a bank', async ({ page, bank }) => {
 *   await page.goto('/')
 *   await page.getByRole('button', { name: 'Connect a bank' }).click()
 *   await bank.choose('Moneyhub Open Banking Mock')
 *   await bank.approve()
 *   await expect(page.getByText('Bank connected')).toBeVisible()
 * })
 * ```
 */
export const test = base.extend<MhkitTestFixtures, MhkitWorkerFixtures>({
  simulatorUrl: [
    // Playwright reads a fixture's dependencies from its first parameter: this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const port = process.env.MHKIT_SIM_IDENTITY_PORT
      if (port === undefined) {
        throw new Error('simulatorUrl is not set: add `...simulatorServer(...).use` to `use`')
      }
      await use(`http://127.0.0.1:${port}`)
    },
    { scope: 'worker', option: true },
  ],
  simAdmin: [
    async ({ simulatorUrl }, use) => {
      await use(new SimAdminClient(simulatorUrl))
    },
    { scope: 'worker' },
  ],
  bank: async ({ page }, use) => {
    await use(createBankDriver(page))
  },
})
