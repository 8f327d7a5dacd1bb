import { expect, test } from '../fixtures'
import { expectBackOnCallback, MOCK_BANK, screenshot } from '../support/journeys'
import {
  ACME,
  advanceSimClock,
  bankOutcome,
  clearBankOutcomes,
  paymentIdOf,
  paymentStatusText,
  submitPayment,
} from '../support/payment-journeys'

test.afterEach(async ({ simAdmin }) => {
  await clearBankOutcomes(simAdmin)
})

test('a payment by redirect comes back to its status page, pending until the bank settles it, then completed', async ({
  page,
  bank,
  simAdmin,
}, testInfo) => {
  // The bank accepts the payment but settles it a minute later on the simulator clock.
  await bankOutcome(simAdmin, 'completed', 60)
  await submitPayment(page, { amount: '12.34', payee: ACME })
  await bank.choose(MOCK_BANK)
  await bank.approve()

  await expectBackOnCallback(page)
  await expect(page.getByRole('heading', { name: 'Your payment' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Payment authorised' })).toBeVisible()
  await page.getByRole('link', { name: 'See the payment status' }).click()

  await expect(page).toHaveURL(/\/payments\/[^/]+$/)
  const paymentId = paymentIdOf(page)
  const status = paymentStatusText(page)
  await expect(status).toHaveText('Your bank has accepted the payment. It is on its way…')
  const details = page.getByRole('region', { name: 'Payment', exact: true })
  await expect(details).toContainText('£12.34')
  await expect(details).toContainText(ACME.name)
  await expect(details).toContainText('INV 1001')

  // The page keeps polling on its own; settling at the bank is enough to finish it.
  await advanceSimClock(simAdmin, 61)
  await expect(status).toHaveText('Payment complete.', { timeout: 30_000 })
  await expect(details.getByText('Completed', { exact: true })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Refund this payment' })).toBeVisible()
  await screenshot(page, testInfo, 'payment-status-1280')

  await page.goto('/payments')
  const items = page.getByRole('list', { name: 'Your payments' }).getByRole('listitem')
  await expect(items).toHaveCount(1)
  await expect(items.first()).toContainText('Completed')
  await expect(
    items.first().getByRole('link', { name: `Details of the payment to ${ACME.name}` }),
  ).toHaveAttribute('href', `/payments/${encodeURIComponent(paymentId)}`)
})
