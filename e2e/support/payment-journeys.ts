import type { Page } from '@playwright/test'
import { expect } from '@playwright/test'
import { scanBeforeLeaving } from './screen-scans'
import type { SimAdmin } from './sim-admin'

/** A payee entered by bank details on the demo's Pay screen. */
export interface NewPayeeDetails {
  readonly name: string
  readonly sortCode: string
  readonly accountNumber: string
}

/** What the journeys type into the Pay screen. */
export interface PaymentForm {
  /** In pounds, as a person types it, e.g. `12.34`. */
  readonly amount: string
  /** New bank details, or the name of a payee in "your payees". */
  readonly payee: NewPayeeDetails | { readonly existing: string }
  readonly payeeRef?: string
  readonly payerRef?: string
  readonly mode?: 'redirect' | 'popup'
}

/** A payee the simulator's mock bank accepts. */
export const ACME: NewPayeeDetails = {
  name: 'Acme Garden Supplies',
  sortCode: '12-34-56',
  accountNumber: '12345678',
}

/**
 * Opens the demo's Pay screen, fills the form and presses Pay. Nothing is awaited after the
 * click: the caller drives the bank (redirect) or the popup.
 */
export async function submitPayment(page: Page, form: PaymentForm): Promise<void> {
  await page.goto('/pay')
  await expect(page.getByRole('heading', { name: 'Make a payment' })).toBeVisible()
  await page.getByLabel('Amount (£)').fill(form.amount)
  if ('existing' in form.payee) {
    await page.getByLabel('Payee', { exact: true }).selectOption({ label: form.payee.existing })
  } else {
    await page.getByLabel('Payee name').fill(form.payee.name)
    await page.getByLabel('Sort code').fill(form.payee.sortCode)
    await page.getByLabel('Account number').fill(form.payee.accountNumber)
  }
  await page.getByLabel('Reference for the payee').fill(form.payeeRef ?? 'INV 1001')
  await page.getByLabel('Your reference').fill(form.payerRef ?? 'GARDEN')
  await page
    .getByRole('radio', { name: form.mode === 'popup' ? 'In a popup window' : 'In this tab' })
    .check()
  await scanBeforeLeaving(page)
  await page.getByRole('button', { name: /^Pay/ }).click()
}

/** The id of the payment whose status page is open. */
export function paymentIdOf(page: Page): string {
  const match = /\/payments\/([^/?#]+)$/.exec(new URL(page.url()).pathname)
  if (match?.[1] === undefined) throw new Error(`not a payment status page: ${page.url()}`)
  return decodeURIComponent(match[1])
}

/** The live status sentence of `<PaymentStatus>`. */
export function paymentStatusText(page: Page) {
  return page.locator('.mhkit-payment-status__text')
}

/**
 * Tells the simulator's bank what to do with the next payments (`POST /__sim/bank-outcomes`).
 *
 * @param outcome - `completed` (default), `rejected` or `insufficient_funds`
 * @param settleAfterSeconds - keep the payment `pending` this long on the simulator clock
 */
export async function bankOutcome(
  simAdmin: SimAdmin,
  outcome: 'completed' | 'rejected' | 'insufficient_funds',
  settleAfterSeconds = 0,
): Promise<void> {
  await simAdmin.request('POST', '/bank-outcomes', { outcome, settleAfterSeconds, times: 1 })
}

/** Forgets every queued bank outcome: payments settle at once again. */
export async function clearBankOutcomes(simAdmin: SimAdmin): Promise<void> {
  await simAdmin.request('DELETE', '/bank-outcomes')
}

/** Moves the simulator's clock forward (pending payments settle when their time comes). */
export async function advanceSimClock(simAdmin: SimAdmin, seconds: number): Promise<void> {
  await simAdmin.request('POST', '/clock/advance', { seconds })
}
