import { expect, test } from '../fixtures'
import { connectByRedirect, MOCK_BANK, sessionOf, signedOut } from '../support/journeys'

test('disconnecting a bank removes it and its accounts', async ({ page, bank }) => {
  await page.goto('/')
  await connectByRedirect(page, bank, MOCK_BANK)

  await page.goto('/connections')
  const card = page.getByRole('listitem', { name: MOCK_BANK })
  await expect(card).toBeVisible()
  const disconnect = card.getByRole('button', { name: `Disconnect ${MOCK_BANK}` })
  const dialog = page.getByRole('dialog', { name: `Disconnect ${MOCK_BANK}?` })
  // The kit asks first: Cancel (focused first) keeps the bank, and focus goes back.
  await disconnect.click()
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(disconnect).toBeFocused()
  await expect(card).toBeVisible()

  await disconnect.click()
  await dialog.getByRole('button', { name: 'Disconnect', exact: true }).click()
  await expect(card).toHaveCount(0)
  await expect(
    page.getByRole('status').filter({ hasText: `${MOCK_BANK} disconnected` }),
  ).toHaveCount(1)
  await expect(page.getByText('No banks connected')).toBeVisible()
  // The developer panel starts closed on phones: open it to read the event log.
  const panel = page.getByRole('button', { name: /Developer panel/ })
  if ((await panel.getAttribute('aria-expanded')) !== 'true') await panel.click()
  await expect(page.getByRole('listitem').filter({ hasText: 'disconnect' }).first()).toBeVisible()

  await page.goto('/accounts')
  await expect(page.getByRole('list', { name: 'Accounts' })).toHaveCount(0)
})

test('logging out ends the session and the data is gone', async ({ page, bank }) => {
  await page.goto('/')
  await connectByRedirect(page, bank, MOCK_BANK)
  await page.goto('/accounts')
  await expect(
    page.getByRole('list', { name: 'Accounts' }).getByRole('listitem').first(),
  ).toBeVisible()

  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(signedOut(page)).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Connect your bank' })).toBeVisible()
  expect((await sessionOf(page)).authenticated).toBe(false)

  // The data routes refuse the old cookie (if any is left) with a stable code.
  const accounts = await page.request.get('/api/accounts', { headers: { 'X-CSRF': '1' } })
  expect(accounts.status()).toBe(401)
  expect(((await accounts.json()) as { error: { code: string } }).error.code).toMatch(
    /^(unauthenticated|session_expired)$/,
  )
  await page.goto('/accounts')
  await expect(page.getByRole('list', { name: 'Accounts' })).toHaveCount(0)
})
