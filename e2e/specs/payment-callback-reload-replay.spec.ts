import { expect, test } from '../fixtures'
import { expectBackOnCallback, MOCK_BANK } from '../support/journeys'
import { ACME, submitPayment } from '../support/payment-journeys'

test('reloading the payment callback page and replaying the bank redirect show the same outcome and pay once', async ({
  page,
  bank,
}) => {
  let bankRedirect: string | undefined
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/callback') bankRedirect ??= request.url()
  })
  await submitPayment(page, { amount: '15.00', payee: ACME })
  await bank.choose(MOCK_BANK)
  await bank.approve()
  await expectBackOnCallback(page)
  const authorised = page.getByRole('status').filter({ hasText: 'Payment authorised' })
  await expect(authorised).toBeVisible()

  await page.reload()
  await expect(authorised).toBeVisible()

  // The bank's redirect (code and state) replayed, as a back button or a double submit would.
  expect(bankRedirect).toBeDefined()
  await page.goto(bankRedirect ?? '')
  await expectBackOnCallback(page)
  await expect(authorised).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)

  await page.goto('/payments')
  await expect(page.getByRole('list', { name: 'Your payments' }).getByRole('listitem')).toHaveCount(
    1,
  )
})
