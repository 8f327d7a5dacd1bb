import { expect, test } from '../fixtures'
import { connectByRedirect, MOCK_BANK } from '../support/journeys'

test('a returning user sees their data with no redirect to the identity service', async ({
  page,
  context,
  bank,
  stack,
  simAdmin,
}) => {
  await page.goto('/')
  await connectByRedirect(page, bank, MOCK_BANK)

  // From here on, nothing may go to the identity host from the browser: the BFF gets a
  // "token for user" (client_credentials + sub) server-side.
  const identityOrigin = new URL(stack.sim.identityUrl).port
  const browserHitsIdentity: string[] = []
  context.on('request', (request) => {
    const url = new URL(request.url())
    if (url.port === identityOrigin) browserHitsIdentity.push(request.url())
  })
  const before = await simAdmin.counters()

  // A reload of a data page...
  await page.goto('/accounts')
  await page.reload()
  await expect(
    page.getByRole('list', { name: 'Accounts' }).getByRole('listitem').first(),
  ).toBeVisible()

  // ...and a brand-new tab in the same browser session.
  const second = await context.newPage()
  await second.goto('/transactions')
  await expect(
    second.getByRole('table', { name: 'Transactions' }).locator('tbody tr').first(),
  ).toBeVisible()
  await expect(second).toHaveURL(/\/transactions$/)

  expect(browserHitsIdentity).toEqual([])
  const after = await simAdmin.counters()
  // No new authorisation was started (no PAR, no authorize) ...
  expect(after.par ?? 0).toBe(before.par ?? 0)
  expect(after.auth ?? 0).toBe(before.auth ?? 0)
  // ... while the data API was called for the user.
  expect(after['GET /v3/accounts'] ?? 0).toBeGreaterThan(before['GET /v3/accounts'] ?? 0)
})
