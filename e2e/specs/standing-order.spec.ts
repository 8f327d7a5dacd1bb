import { expect, test } from '../fixtures'
import { expectBackOnCallback, MOCK_BANK, screenshot } from '../support/journeys'
import { collectCspViolations } from '../support/csp-violations'
import { expectNoHorizontalScrollOnPhone } from '../support/layout'
import { SAVINGS_PAYEE } from '../support/recurring-payments'

test('a standing order is checked, set up at the bank and listed with its schedule', async ({
  page,
  bank,
}, testInfo) => {
  const cspViolations = await collectCspViolations(page)
  await page.goto('/standing-orders')
  await expect(page.getByRole('heading', { name: 'Standing orders', level: 1 })).toBeVisible()
  await expect(page.getByText('No standing orders yet')).toBeVisible()
  const form = page.getByRole('form', { name: 'Set up a standing order' })

  // Wrong details are caught before anything is sent, field by field.
  let sent = 0
  page.on('request', (request) => {
    if (request.url().endsWith('/api/standing-orders') && request.method() === 'POST') sent++
  })
  await form.getByLabel('Payee name').fill('Landlord')
  await form.getByLabel('Sort code').fill('12-34')
  await form.getByRole('button', { name: 'Continue to your bank' }).click()
  await expect(form.getByRole('alert')).toContainText('Nothing has been sent to your bank yet')
  await expect(form.getByLabel('Sort code')).toHaveAttribute('aria-invalid', 'true')
  await expect(form.getByText('Enter the 6-digit sort code')).toBeVisible()
  await expect(form.getByText('Enter an amount in pounds')).toBeVisible()
  await screenshot(page, testInfo, 'standing-order-field-errors')
  // The form was checked with the shared schemas under the strict CSP, without a violation.
  expect(await cspViolations()).toEqual([])
  await expectNoHorizontalScrollOnPhone(page)
  expect(sent).toBe(0)

  await form.getByLabel('Sort code').fill(SAVINGS_PAYEE.sortCode)
  await form.getByLabel('Account number').fill(SAVINGS_PAYEE.accountNumber)
  await form.getByLabel('Reference', { exact: true }).fill('Rent')
  await form.getByLabel('How often').selectOption('monthly')
  await form.getByLabel('Day of the month').fill('1')
  await form.getByLabel('First payment (£)').fill('750')
  await form.getByRole('textbox', { name: 'Number of payments' }).fill('12')
  await form.getByRole('button', { name: 'Continue to your bank' }).click()

  await bank.choose(MOCK_BANK)
  await bank.approve()
  await expectBackOnCallback(page)
  expect(sent).toBe(1)
  // The callback reads the new standing order back (GET /api/standing-orders/:id).
  await expect(page.getByText(/^£750\.00 on .+, then .+; reference Rent\.$/)).toBeVisible()

  await page.goto('/standing-orders')
  const orders = page.getByRole('list', { name: 'Your standing orders' })
  const rent = orders.getByRole('listitem').filter({ hasText: 'Rent' }).first()
  await expect(rent).toContainText('£750.00')
  await expect(rent).toContainText('On the 1st of every month')
  await expect(rent).toContainText('12 payments')
  await expect(rent).toContainText(/Set up|Being set up|Waiting for the bank/)
  await expect(rent.locator('.mhkit-badge')).not.toHaveText('Not set up')
  await screenshot(page, testInfo, 'standing-order-listed')
  await expectNoHorizontalScrollOnPhone(page)
})
