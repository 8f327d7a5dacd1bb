import { expect, test } from '../fixtures'
import { expectBackOnCallback, MOCK_BANK } from '../support/journeys'
import { paymentStatusText, submitPayment } from '../support/payment-journeys'

const NEW_PAYEE = { name: 'Bramble Bakery', sortCode: '65 43 21', accountNumber: '8765 4321' }

test('a payee entered by bank details is offered under "your payees" and can be paid again by choosing it', async ({
  page,
  bank,
}) => {
  await submitPayment(page, { amount: '3.20', payee: NEW_PAYEE, payeeRef: 'BREAD' })
  await bank.choose(MOCK_BANK)
  await bank.approve()
  await expectBackOnCallback(page)
  await expect(page.getByRole('status').filter({ hasText: 'Payment authorised' })).toBeVisible()

  await page.goto('/pay')
  const payee = page.getByLabel('Payee', { exact: true })
  await expect(payee.locator('optgroup[label="Your payees"] option')).toHaveText([NEW_PAYEE.name])

  // Paying it again needs no bank details at all.
  await submitPayment(page, {
    amount: '4.10',
    payee: { existing: NEW_PAYEE.name },
    payeeRef: 'MORE BREAD',
  })
  await bank.choose(MOCK_BANK)
  await bank.approve()
  await expectBackOnCallback(page)
  await page.getByRole('link', { name: 'See the payment status' }).click()
  await expect(paymentStatusText(page)).toHaveText('Payment complete.')
  const details = page.getByRole('region', { name: 'Payment', exact: true })
  await expect(details).toContainText('£4.10')
  await expect(details).toContainText(NEW_PAYEE.name)

  await page.goto('/payments')
  await expect(page.getByRole('list', { name: 'Your payments' }).getByRole('listitem')).toHaveCount(
    2,
  )
})

test('bank details that break the shared rules show field errors and send nothing', async ({
  page,
}) => {
  const sent: string[] = []
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/payments')
      sent.push(request.url())
  })
  await submitPayment(page, {
    amount: '12.345',
    payee: { name: 'Bramble Bakery', sortCode: '12345', accountNumber: '1234567' },
    payeeRef: 'INV<1>',
  })
  await expect(page.getByRole('alert')).toContainText('Nothing has been sent yet')
  await expect(page.getByText('Enter an amount from £0.01')).toBeVisible()
  await expect(page.getByText('Enter the 6-digit sort code')).toBeVisible()
  await expect(page.getByText('Enter the 8-digit account number')).toBeVisible()
  await expect(page.getByLabel('Reference for the payee')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Amount (£)')).toBeFocused()
  expect(sent).toEqual([])
})
