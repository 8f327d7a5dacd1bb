import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '../fixtures'
import {
  findTokenLeaks,
  JWT_PATTERN,
  recordFrontChannel,
  recordResponses,
} from '../support/response-recorder'
import { connectByRedirect, MOCK_BANK } from '../support/journeys'

test('no access, refresh or ID token ever reaches the browser', async ({
  page,
  context,
  bank,
  stack,
  simAdmin,
}) => {
  const recorder = recordResponses(context)
  const frontChannel = recordFrontChannel(context)

  await page.goto('/')
  await connectByRedirect(page, bank, MOCK_BANK)
  await page.goto('/accounts')
  await expect(
    page.getByRole('list', { name: 'Accounts' }).getByRole('listitem').first(),
  ).toBeVisible()
  await page.goto('/transactions')
  await expect(
    page.getByRole('table', { name: 'Transactions' }).locator('tbody tr').first(),
  ).toBeVisible()
  await page.goto('/connections')
  await expect(page.getByRole('list', { name: 'Connections' })).toBeVisible()

  const responses = await recorder.all()
  // Every answer that could carry a secret was read in full.
  expect(responses.filter((r) => r.unread && r.status < 400).map((r) => r.url)).toEqual([])
  recorder.dispose()
  const appResponses = responses.filter((r) => r.url.startsWith(stack.appUrl))
  // The journey really did talk to the BFF through the app origin.
  expect(appResponses.some((r) => r.url.includes('/api/accounts'))).toBe(true)
  expect(appResponses.some((r) => r.url.includes('/api/callback'))).toBe(true)
  expect(frontChannel.length).toBe(2)
  // Every code, access token, refresh token and client-credentials token the simulator issued
  // (opaque values a pattern cannot recognise), plus this flow's code and state.
  const { values: issued } = (await simAdmin.request('GET', '/issued-secrets')) as {
    values: string[]
  }
  expect(issued.length).toBeGreaterThanOrEqual(3)
  const secrets = [...frontChannel, ...issued]
  expect(findTokenLeaks(responses, stack.appUrl, secrets)).toEqual([])

  // The session cookie is HttpOnly: page JavaScript cannot read it.
  const cookies = await context.cookies(stack.appUrl)
  const session = cookies.filter((cookie) => cookie.httpOnly)
  expect(session.length).toBeGreaterThan(0)
  const documentCookie = await page.evaluate(() => document.cookie)
  for (const cookie of session) {
    expect(documentCookie).not.toContain(cookie.name)
    expect(documentCookie).not.toContain(cookie.value)
  }
  // Cookies hold opaque ids only, never a JWT.
  for (const cookie of cookies) expect(cookie.value).not.toMatch(JWT_PATTERN)

  // Nothing token-shaped was left in web storage either.
  const storage = await page.evaluate(() =>
    JSON.stringify({ local: { ...window.localStorage }, session: { ...window.sessionStorage } }),
  )
  expect(storage).not.toMatch(JWT_PATTERN)
  expect(storage).not.toMatch(/access_token|refresh_token|id_token/)

  // Nor in the BFF's log (docs/security.md L1): no JWT, and not the code or state of this flow.
  const bffLog = readFileSync(join(stack.logDir, 'bff.log'), 'utf8')
  expect(bffLog.length).toBeGreaterThan(0)
  expect(bffLog).not.toMatch(JWT_PATTERN)
  for (const value of secrets) expect(bffLog).not.toContain(value)
})
