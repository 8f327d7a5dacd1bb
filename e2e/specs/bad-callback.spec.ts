import { expect, test } from '../fixtures'
import { MOCK_BANK, successCounter } from '../support/journeys'

test('a callback that belongs to no flow of this browser lands on the callback page with a way to start again', async ({
  page,
  bank,
  stack,
}) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Connect a bank', exact: true }).click()
  // At the bank: the browser now holds its login binding, and its flow is pending.
  await bank.choose(MOCK_BANK)

  // A callback with a state this BFF never issued (a forged or stale link), reached by navigation.
  const iss = encodeURIComponent(stack.sim.issuer)
  await page.goto(`/api/callback?code=forged&state=${'A'.repeat(32)}&iss=${iss}`)

  // The app's callback page, not a JSON body; the kit has taken the code off the URL.
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/callback$/)
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('The bank was not connected')
  await expect(alert.locator('code')).toHaveText('state_mismatch')
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Back to the overview' })).toBeVisible()
  await expect(successCounter(page)).toHaveText('0')
})

test('a forged callback in a browser that started nothing lands on the callback page too', async ({
  page,
  stack,
}) => {
  const iss = encodeURIComponent(stack.sim.issuer)
  await page.goto(`/api/callback?code=forged&state=${'B'.repeat(32)}&iss=${iss}`)
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/callback$/)
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('The bank was not connected')
  await expect(alert.locator('code')).toHaveText('state_mismatch')
})
