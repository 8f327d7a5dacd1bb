import type { Page } from '@playwright/test'
import { expect } from '@playwright/test'
import type { BankDriver } from '@mhkit/playwright'
import { MOCK_BANK } from './journeys'

/** A payee the simulator's mock bank accepts. */
export const SAVINGS_PAYEE = { name: 'My savings', sortCode: '12-34-56', accountNumber: '12345678' }

/** What the VRP journeys fill in: a permission with a per-payment maximum and a monthly limit. */
export interface ConsentInput {
  readonly reference: string
  /** Pounds, as typed. */
  readonly maximum: string
  /** Pounds per month, as typed. */
  readonly monthly: string
  /** `popup` (default): wait in the app until it says the permission is set up; `redirect`: come back through the callback. */
  readonly mode?: 'popup' | 'redirect'
}

/**
 * Fills the demo's VRP permission form on `/recurring-payments` and sets the permission up at
 * the mock bank: in a popup, waiting until the app says it is set up, or by redirect, returning
 * when the bank has approved (the caller checks the callback page).
 */
export async function setUpPermission(
  page: Page,
  bank: BankDriver,
  input: ConsentInput,
): Promise<void> {
  const form = page.getByRole('form', { name: 'Set up a recurring payment permission' })
  await form.getByLabel('Payee name').fill(SAVINGS_PAYEE.name)
  await form.getByLabel('Sort code').fill(SAVINGS_PAYEE.sortCode)
  await form.getByLabel('Account number').fill(SAVINGS_PAYEE.accountNumber)
  await form.getByLabel('Reference', { exact: true }).fill(input.reference)
  await form.getByLabel('Most for one payment (£)').fill(input.maximum)
  await form.getByLabel('Limit 1 (£)').fill(input.monthly)
  await form.getByLabel('Period of limit 1').selectOption('month')
  if (input.mode === 'redirect') {
    await form.getByRole('button', { name: 'Continue to your bank' }).click()
    await bank.choose(MOCK_BANK)
    await bank.approve()
    return
  }
  const popupOpened = page.waitForEvent('popup')
  await form.getByRole('button', { name: 'Continue in a popup' }).click()
  const popup = await popupOpened
  const inPopup = bank.in(popup)
  await inPopup.choose(MOCK_BANK)
  const closed = popup.waitForEvent('close')
  await inPopup.approve()
  await closed
  await expect(form.getByRole('status').filter({ hasText: 'Permission set up' })).toBeVisible()
}

/** The pay form of `/recurring-payments`. */
export function payForm(page: Page) {
  return page.getByRole('form', { name: 'Pay with a permission' })
}

/** Types `pounds` into the pay form and presses Pay. */
export async function payWithPermission(page: Page, pounds: string): Promise<void> {
  const form = payForm(page)
  await form.getByLabel('Amount (£)').fill(pounds)
  await form.getByRole('button', { name: 'Pay', exact: true }).click()
}

/** The pay form's confirmation of the last payment. */
export function paymentSent(page: Page) {
  return payForm(page).getByRole('status').filter({ hasText: 'Payment sent' })
}

/** The route key under which the simulator counts VRP payments (`/__sim/counters`). */
const VRP_PAY_COUNTER = 'POST /recurring-payments/:id/pay'

/** How many VRP payments reached the simulator so far. */
export function vrpPayments(counters: Record<string, number>): number {
  return counters[VRP_PAY_COUNTER] ?? 0
}
