/**
 * `@mhkit/playwright` — Playwright fixtures for journeys through the Moneyhub Connect Kit in
 * your own app: the simulator as a `webServer`, a bank-page driver, the simulator's admin API,
 * a throwaway client key, a system Chromium finder and an axe accessibility check.
 */
export { expect } from '@playwright/test'
export { test, type MhkitTestFixtures, type MhkitWorkerFixtures } from './fixtures'
export {
  simulatorServer,
  type SimulatorClient,
  type SimulatorServer,
  type SimulatorServerOptions,
} from './simulator-server'
export { createBankDriver, type BankDriver } from './bank-driver'
export { generateClientKey, type GeneratedClientKey } from './client-key'
export { freePort } from './free-port'
export { chromiumArgs, findChromium } from './chromium'
export {
  DEFAULT_AXE_TAGS,
  expectAccessible,
  formatViolations,
  isBlocking,
  scanAccessibility,
  type AccessibilityOptions,
  type AccessibilityViolation,
  type AxeImpact,
} from './accessible'
export { SimAdminClient } from '@mhkit/sim'
