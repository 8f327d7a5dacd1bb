import { expect, test } from '../fixtures'
import { expectBackOnCallback, MOCK_BANK } from '../support/journeys'
import {
  ACME,
  bankOutcome,
  clearBankOutcomes,
  paymentStatusText,
  submitPayment,
} from '../support/payment-journeys'

test.afterEach(async ({ simAdmin }) => {
  await clearBankOutcomes(simAdmin)
})

test('a payment the bank rejects after authorisation is shown as rejected, with no money moved and a way to try again', async ({
  page,
  bank,
  simAdmin,
}) => {
  await bankOutcome(simAdmin, 'rejected')
  await submitPayment(page, { amount: '99.00', payee: ACME })
  await bank.choose(MOCK_BANK)
  await bank.approve()

  await expectBackOnCallback(page)
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Your bank did not make the payment')
  await expect(alert).toContainText('no money has moved')
  await expect(page.getByRole('status').filter({ hasText: 'Payment authorised' })).toHaveCount(0)

  await page.getByRole('link', { name: 'See the payment' }).click()
  await expect(paymentStatusText(page)).toHaveText(
    'Your bank rejected the payment. No money has moved.',
  )
  const details = page.getByRole('region', { name: 'Payment', exact: true })
  await expect(details.getByText('Rejected', { exact: true })).toBeVisible()
  // A rejected payment cannot be refunded; the next step is a new payment.
  await expect(page.getByRole('button', { name: /^Refund/ })).toHaveCount(0)
  await page.getByRole('link', { name: 'Make another payment' }).click()
  await expect(page.getByRole('heading', { name: 'Make a payment' })).toBeVisible()
})
