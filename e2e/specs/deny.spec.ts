import { expect, test } from '../fixtures'
import {
  expectBackOnCallback,
  MOCK_BANK,
  sessionOf,
  signedOut,
  successCounter,
} from '../support/journeys'

test('denying at the bank returns a clear access_denied and no session', async ({ page, bank }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Connect a bank', exact: true }).click()
  await bank.choose(MOCK_BANK)
  await bank.deny()

  await expectBackOnCallback(page)
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('The bank was not connected')
  await expect(alert.locator('code')).toHaveText('access_denied')
  await expect(successCounter(page)).toHaveText('0')
  await expect(signedOut(page)).toBeVisible()

  // The session endpoint agrees: nothing was connected.
  expect((await sessionOf(page)).authenticated).toBe(false)
})
