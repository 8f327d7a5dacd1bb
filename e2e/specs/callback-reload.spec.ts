import { expect, test } from '../fixtures'
import {
  bankConnected,
  connectByRedirect,
  MOCK_BANK,
  sessionOf,
  successCounter,
  expectBackOnCallback,
} from '../support/journeys'

test('reloading the callback page shows the stored outcome without replaying the flow', async ({
  page,
  bank,
  simAdmin,
}) => {
  await page.goto('/')
  await connectByRedirect(page, bank, MOCK_BANK)
  await expect(successCounter(page)).toHaveText('1')
  const before = await simAdmin.counters()

  await page.reload()
  await expectBackOnCallback(page)
  await expect(bankConnected(page)).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
  // The counter lives in page memory: after the reload onSuccess did not fire again.
  await expect(successCounter(page)).toHaveText('0')

  // Back and forward do not replay it either.
  await page.goto('/accounts')
  await page.goBack()
  await expect(bankConnected(page)).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(successCounter(page)).toHaveText('0')

  // No second code exchange reached the identity service.
  const after = await simAdmin.counters()
  expect(after['token:authorization_code'] ?? 0).toBe(before['token:authorization_code'] ?? 0)
})

test('replaying the raw callback URL is refused without a 500', async ({ page, bank }) => {
  await page.goto('/')
  let callbackUrl: string | undefined
  page.on('request', (request) => {
    if (request.url().includes('/api/callback?')) callbackUrl = request.url()
  })
  await connectByRedirect(page, bank, MOCK_BANK)
  expect(callbackUrl).toBeDefined()

  // The authorization code and state are single-use: a second visit must not exchange again.
  const replay = await page.request.get(callbackUrl ?? '', { maxRedirects: 0 })
  expect(replay.status()).toBeLessThan(500)
  expect((await sessionOf(page)).authenticated).toBe(true)
})
