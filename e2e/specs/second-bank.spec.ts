import { expect, test } from '../fixtures'
import {
  connectByRedirect,
  MOCK_BANK,
  SECOND_BANK,
  screenshot,
  followNavLink,
} from '../support/journeys'

test('a signed-in user connects a second bank and keeps the first', async ({
  page,
  bank,
}, testInfo) => {
  await page.goto('/')
  await connectByRedirect(page, bank, MOCK_BANK)

  await followNavLink(page, 'Overview')
  await expect(page.getByRole('heading', { name: 'Your money' })).toBeVisible()
  await connectByRedirect(page, bank, SECOND_BANK, { button: 'Connect another bank' })

  await page.goto('/connections')
  const connections = page.getByRole('list', { name: 'Connections' })
  await expect(connections.getByRole('listitem', { name: MOCK_BANK })).toBeVisible()
  await expect(connections.getByRole('listitem', { name: SECOND_BANK })).toBeVisible()
  await expect(connections.getByRole('listitem')).toHaveCount(2)
  await screenshot(page, testInfo, 'connections')

  // Accounts of both banks are listed.
  await page.goto('/accounts')
  const accounts = page.getByRole('list', { name: 'Accounts' })
  await expect(accounts.getByText(MOCK_BANK).first()).toBeVisible()
  await expect(accounts.getByText(SECOND_BANK).first()).toBeVisible()
})
