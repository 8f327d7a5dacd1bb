import { expect, test } from '../fixtures'
import { expectBackOnCallback, MOCK_BANK } from '../support/journeys'
import { ACME, paymentStatusText, submitPayment } from '../support/payment-journeys'

test('a completed payment is refunded in part from its status page and the refund is listed beside it', async ({
  page,
  bank,
}) => {
  await submitPayment(page, { amount: '30.00', payee: ACME })
  await bank.choose(MOCK_BANK)
  await bank.approve()
  await expectBackOnCallback(page)
  await page.getByRole('link', { name: 'See the payment status' }).click()
  await expect(paymentStatusText(page)).toHaveText('Payment complete.')

  await page.getByRole('button', { name: `Refund £30.00 to ${ACME.name}` }).click()
  const amount = page.getByLabel('Refund amount (£)')
  await expect(amount).toHaveValue('30.00')
  // More than was paid is refused in the form, before anything is sent.
  await amount.fill('31.00')
  await page.getByRole('button', { name: 'Start refund' }).click()
  await expect(page.getByText('Enter an amount from £0.01 to £30.00.')).toBeVisible()

  await amount.fill('12.50')
  await page.getByRole('button', { name: 'Start refund' }).click()
  await bank.choose(MOCK_BANK)
  await bank.approve()

  await expectBackOnCallback(page)
  await expect(page.getByRole('heading', { name: 'Your refund' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Refund authorised' })).toBeVisible()
  await page.getByRole('link', { name: 'See the refund status' }).click()
  await expect(page.getByRole('heading', { name: 'Refund details' })).toBeVisible()
  await expect(paymentStatusText(page)).toHaveText('Payment complete.')
  await expect(page.getByRole('region', { name: 'Payment', exact: true })).toContainText('£12.50')
  await expect(page.getByRole('link', { name: 'The payment this refunds' })).toBeVisible()

  await page.goto('/payments')
  const items = page.getByRole('list', { name: 'Your payments' }).getByRole('listitem')
  await expect(items).toHaveCount(2)
  await expect(
    items.filter({ hasText: '£12.50' }).getByRole('link', { name: /refund/i }),
  ).toHaveText('Refund details')
  // A refund is not refunded again.
  await expect(items.filter({ hasText: '£12.50' }).getByRole('button')).toHaveCount(0)
})
