import { expect, test } from '../fixtures'
import { connectByRedirect, MOCK_BANK, signedIn, signedOut } from '../support/journeys'

test('logging out in one tab signs the other out without a reload, and a new bank shows in both', async ({
  page,
  context,
  bank,
}) => {
  await page.goto('/')
  await connectByRedirect(page, bank, MOCK_BANK)

  const other = await context.newPage()
  await other.goto('/accounts')
  await expect(signedIn(other)).toBeVisible()
  await expect(
    other.getByRole('list', { name: 'Accounts' }).getByRole('listitem').first(),
  ).toBeVisible()

  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(signedOut(page)).toBeVisible()

  // The other tab follows by itself: signed out, its data gone, an invitation to connect.
  await expect(signedOut(other)).toBeVisible()
  await expect(other.getByRole('list', { name: 'Accounts' })).toHaveCount(0)
  await expect(other.getByText('Connect a bank to see your accounts here.')).toBeVisible()
  expect(new URL(other.url()).pathname).toBe('/accounts')

  // A connection made in the first tab reaches the second one too.
  await page.goto('/')
  await connectByRedirect(page, bank, MOCK_BANK)
  await expect(signedIn(other)).toBeVisible()
  await expect(
    other.getByRole('list', { name: 'Accounts' }).getByRole('listitem').first(),
  ).toBeVisible()
})
