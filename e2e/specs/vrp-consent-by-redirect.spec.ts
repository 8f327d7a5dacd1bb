import { expect, test } from '../fixtures'
import { expectBackOnCallback, MOCK_BANK } from '../support/journeys'
import { SAVINGS_PAYEE } from '../support/recurring-payments'

test('a VRP permission set up by redirect is read back on the callback page', async ({
  page,
  bank,
}) => {
  await page.goto('/recurring-payments')
  const form = page.getByRole('form', { name: 'Set up a recurring payment permission' })
  await form.getByLabel('Payee name').fill(SAVINGS_PAYEE.name)
  await form.getByLabel('Sort code').fill(SAVINGS_PAYEE.sortCode)
  await form.getByLabel('Account number').fill(SAVINGS_PAYEE.accountNumber)
  await form.getByLabel('Reference', { exact: true }).fill('Top up')
  await form.getByLabel('Most for one payment (£)').fill('25')
  await form.getByLabel('Limit 1 (£)').fill('100')
  await form.getByLabel('Period of limit 1').selectOption('month')
  await form.getByRole('button', { name: 'Continue to your bank' }).click()
  await bank.choose(MOCK_BANK)
  await bank.approve()

  await expectBackOnCallback(page)
  await expect(
    page.getByRole('heading', { name: 'Your recurring payment permission' }),
  ).toBeVisible()
  // What the bank agreed to, read back with GET /api/recurring-payments/:id.
  await expect(
    page.getByText('Up to £25.00 per payment to My savings, reference Top up.'),
  ).toBeVisible()
  await page.getByRole('link', { name: 'Go to recurring payments' }).click()
  await expect(
    page.getByRole('list', { name: 'Your recurring payment permissions' }),
  ).toContainText('Up to £25.00 per payment')
})
