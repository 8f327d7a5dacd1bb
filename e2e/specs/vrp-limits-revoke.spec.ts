import { expect, test } from '../fixtures'
import { screenshot } from '../support/journeys'
import { expectNoHorizontalScrollOnPhone } from '../support/layout'
import {
  paymentSent,
  payForm,
  payWithPermission,
  setUpPermission,
  vrpPayments,
} from '../support/recurring-payments'

test('a VRP permission pays twice, refuses an amount over its monthly limit, and refuses to pay once revoked', async ({
  page,
  bank,
  simAdmin,
}, testInfo) => {
  await page.goto('/recurring-payments')
  await expect(page.getByRole('heading', { name: 'Recurring payments', level: 1 })).toBeVisible()
  await setUpPermission(page, bank, { reference: 'Sweep', maximum: '50', monthly: '80' })

  const permissions = page.getByRole('list', { name: 'Your recurring payment permissions' })
  const permission = permissions.getByRole('listitem').filter({ hasText: 'My savings' }).first()
  await expect(permission).toContainText('Active')
  await expect(permission).toContainText('Up to £50.00 per payment')
  await expect(permission).toContainText('Up to £80.00 per month')
  const before = vrpPayments(await simAdmin.counters())

  // Two payments within the limits (£70 of the £80 this month).
  await payWithPermission(page, '30')
  await expect(paymentSent(page)).toContainText('£30.00')
  await payWithPermission(page, '40')
  await expect(paymentSent(page)).toContainText('£40.00')
  const made = page.getByRole('list', { name: 'Payments made' })
  await expect(made.getByRole('listitem')).toHaveCount(2)
  await screenshot(page, testInfo, 'vrp-two-payments')

  // £20 more would take the month to £90: the bank's monthly limit refuses it, nothing moves.
  await payWithPermission(page, '20')
  const refusal = payForm(page).getByRole('alert')
  await expect(refusal).toContainText('Over the agreed limit')
  await expect(refusal).toContainText('no money has moved')
  await expect(refusal).toContainText('Pay a smaller amount, or wait until the limit resets')
  await expect(refusal).toHaveAttribute('data-code', 'recurring_payment_limit_exceeded')
  await expect(made.getByRole('listitem')).toHaveCount(2)
  await screenshot(page, testInfo, 'vrp-over-limit')
  await expectNoHorizontalScrollOnPhone(page)

  // A funds check through the permission asks the bank and moves nothing.
  const check = page.getByRole('form', { name: 'Check the funds' })
  await check.getByLabel('Check the account holds (£)').fill('10')
  await check.getByRole('button', { name: 'Check funds' }).click()
  await expect(check.getByRole('status')).toHaveText('The account holds £10.00.')
  await expect(made.getByRole('listitem')).toHaveCount(2)

  // Revoke asks first, then ends the permission.
  await permission.getByRole('button', { name: 'Revoke payments to My savings' }).click()
  await permission.getByRole('button', { name: 'Yes, revoke' }).click()
  await expect(permission).toContainText('Revoked')

  // Paying with the revoked permission is refused, and says what to do.
  await expect(page.getByRole('note')).toContainText('This permission is revoked')
  await payWithPermission(page, '5')
  const notActive = payForm(page).getByRole('alert')
  await expect(notActive).toHaveAttribute('data-code', 'recurring_payment_not_active')
  await expect(notActive).toContainText('Payment permission not active')
  await expect(notActive).toContainText('Set up a new one to keep paying')
  await expect(made.getByRole('listitem')).toHaveCount(2)
  await screenshot(page, testInfo, 'vrp-revoked')

  // Three payment requests reached the bank: the two it paid and the over-limit one it refused.
  // The payment with the revoked permission never left the BFF.
  expect(vrpPayments(await simAdmin.counters()) - before).toBe(3)
})
