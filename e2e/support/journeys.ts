import type { Page, TestInfo } from '@playwright/test'
import { expect } from '@playwright/test'
import type { BankDriver } from '@mhkit/playwright'
import { scanBeforeLeaving } from './screen-scans'

/** Moneyhub's own test bank in the simulator. */
export const MOCK_BANK = 'Moneyhub Open Banking Mock'
/** A second simulator bank, for the "connect another bank" journey. */
export const SECOND_BANK = 'Northwind Bank'

/**
 * A bank connection's confirmation: the callback page's progress line ("Northwind Bank
 * connected.", the kit's ConnectProgress) or, after a popup, the opener's "Bank connected".
 */
export function bankConnected(page: Page) {
  return page.getByRole('status').filter({ hasText: /^(Bank connected|.+ connected\.)$/ })
}

/** The demo's counter of `onSuccess` calls (the event log panel). */
export function successCounter(page: Page) {
  return page.getByRole('status', { name: 'onSuccess calls' })
}

/**
 * Connects `bankName` in redirect mode from the page the test is on, and waits for the demo's
 * callback route to confirm it.
 *
 * @param page - a page showing the demo with a connect button
 * @param bank - the bank-page driver
 * @param options - the button to press (default "Connect a bank")
 */
export async function connectByRedirect(
  page: Page,
  bank: BankDriver,
  bankName: string,
  options: { button?: string } = {},
): Promise<void> {
  const connect = page.getByRole('button', {
    name: options.button ?? 'Connect a bank',
    exact: true,
  })
  await expect(connect).toBeVisible()
  await scanBeforeLeaving(page)
  await connect.click()
  await bank.choose(bankName)
  await bank.approve()
  await expectBackOnCallback(page)
  await expect(bankConnected(page)).toBeVisible()
}

/**
 * Waits until the bank has sent the browser back and the BFF has redirected it to the app's
 * callback route. Fails at once, with the BFF's answer, when the BFF ends the callback itself
 * (an error body instead of its 303) rather than after a timeout.
 */
export async function expectBackOnCallback(page: Page): Promise<void> {
  await page.waitForURL((url) => url.pathname === '/callback' || url.pathname === '/api/callback')
  if (new URL(page.url()).pathname === '/api/callback') {
    const answer = (await page.locator('body').innerText()).slice(0, 300)
    throw new Error(`the BFF did not redirect back to the app from /api/callback: ${answer}`)
  }
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/callback$/)
}

/**
 * Saves a full-page screenshot as a test artifact (in the test's output folder and attached
 * to the report).
 */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path, fullPage: true })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

/** The header's session status when signed in. */
export function signedIn(page: Page) {
  return page.getByRole('status').filter({ hasText: /^Signed in$/ })
}

/** The header's session status when signed out. */
export function signedOut(page: Page) {
  return page.getByRole('status').filter({ hasText: /^Not signed in$/ })
}

/** Reads `GET /api/session` the way the kit does (with the CSRF header), in the page's cookies. */
export async function sessionOf(page: Page): Promise<{ authenticated: boolean }> {
  const response = await page.request.get('/api/session', { headers: { 'X-CSRF': '1' } })
  expect(response.status()).toBe(200)
  return (await response.json()) as { authenticated: boolean }
}

/**
 * Resolves once the page's live-events stream (`GET /api/events`) has answered: a webhook sent
 * before it opens reaches no tab, as it would in production.
 */
export function liveStreamOpened(page: Page) {
  return page.waitForResponse(
    (response) => new URL(response.url()).pathname === '/api/events' && response.status() === 200,
  )
}

/**
 * Follows a link of the demo's main navigation, opening the "Menu" disclosure first where the
 * screen is narrow enough to fold the navigation behind it.
 */
export async function followNavLink(page: Page, name: string): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu', exact: true })
  if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') {
    await menu.click()
  }
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click()
}
