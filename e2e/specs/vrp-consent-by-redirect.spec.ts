import { expect, test } from '../fixtures'
import { expectBackOnCallback } from '../support/journeys'
import { setUpPermission } from '../support/recurring-payments'

test('a VRP permission set up by redirect is read back on the callback page', async ({
  page,
  bank,
}) => {
  await page.goto('/recurring-payments')
  await setUpPermission(page, bank, {
    reference: 'Top up',
    maximum: '25',
    monthly: '100',
    mode: 'redirect',
  })

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
