import { expect, test } from '../fixtures'
import { expectBackOnCallback, MOCK_BANK } from '../support/journeys'
import { ACME, submitPayment } from '../support/payment-journeys'

test('denying a payment at the bank says no money moved, offers a new payment, and lists nothing', async ({
  page,
  bank,
}) => {
  await submitPayment(page, { amount: '20.00', payee: ACME })
  await bank.choose(MOCK_BANK)
  await bank.deny()

  await expectBackOnCallback(page)
  await expect(page.getByRole('heading', { name: 'Your payment' })).toBeVisible()
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('The payment was not made')
  await expect(alert).toContainText('no money has moved')
  await expect(alert.locator('code')).toHaveText('access_denied')
  await alert.getByRole('button', { name: 'Start again' }).click()
  await expect(page.getByRole('heading', { name: 'Make a payment' })).toBeVisible()

  await page.goto('/payments')
  await expect(page.getByText('No payments yet')).toBeVisible()
})
