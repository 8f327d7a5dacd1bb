import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '../fixtures'
import {
  findTokenLeaks,
  JWT_PATTERN,
  recordFrontChannel,
  recordResponses,
} from '../support/response-recorder'
import { expectBackOnCallback, MOCK_BANK } from '../support/journeys'
import { ACME, paymentStatusText, submitPayment } from '../support/payment-journeys'

test('no token, code or state of a payment or its refund reaches the browser or the BFF log', async ({
  page,
  context,
  bank,
  stack,
  simAdmin,
}) => {
  const recorder = recordResponses(context)
  const frontChannel = recordFrontChannel(context)

  await submitPayment(page, { amount: '18.00', payee: ACME })
  await bank.choose(MOCK_BANK)
  await bank.approve()
  await expectBackOnCallback(page)
  await page.getByRole('link', { name: 'See the payment status' }).click()
  await expect(paymentStatusText(page)).toHaveText('Payment complete.')
  await page.getByRole('button', { name: /^Refund/ }).click()
  await page.getByRole('button', { name: 'Start refund' }).click()
  await bank.choose(MOCK_BANK)
  await bank.approve()
  await expectBackOnCallback(page)
  await expect(page.getByRole('status').filter({ hasText: 'Refund authorised' })).toBeVisible()
  await page.goto('/payments')
  await expect(page.getByRole('list', { name: 'Your payments' }).getByRole('listitem')).toHaveCount(
    2,
  )

  const responses = await recorder.all()
  // Every answer that could carry a secret was read in full.
  expect(responses.filter((r) => r.unread && r.status < 400).map((r) => r.url)).toEqual([])
  recorder.dispose()
  const appResponses = responses.filter((r) => r.url.startsWith(stack.appUrl))
  expect(appResponses.some((r) => r.url.includes('/api/payments'))).toBe(true)
  expect(appResponses.some((r) => r.url.includes('/api/payees'))).toBe(true)
  // Two flows (the payment and its refund), each with a code and a state.
  expect(frontChannel.length).toBe(4)
  const { values: issued } = (await simAdmin.request('GET', '/issued-secrets')) as {
    values: string[]
  }
  const secrets = [...frontChannel, ...issued]
  expect(findTokenLeaks(responses, stack.appUrl, secrets)).toEqual([])

  for (const cookie of await context.cookies(stack.appUrl))
    expect(cookie.value).not.toMatch(JWT_PATTERN)
  const storage = await page.evaluate(() =>
    JSON.stringify({ local: { ...window.localStorage }, session: { ...window.sessionStorage } }),
  )
  expect(storage).not.toMatch(JWT_PATTERN)

  const bffLog = readFileSync(join(stack.logDir, 'bff.log'), 'utf8')
  expect(bffLog).toContain('payment start')
  expect(bffLog).not.toMatch(JWT_PATTERN)
  for (const value of secrets) expect(bffLog).not.toContain(value)
})
