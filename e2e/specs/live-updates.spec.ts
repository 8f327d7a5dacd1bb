import type { Page } from '@playwright/test'

import { expect, test, type SimAdmin } from '../fixtures'
import { connectByRedirect, liveStreamOpened, MOCK_BANK } from '../support/journeys'

interface Delivery {
  id: string
  status?: number
}

/** The first account of the signed-in user, read the way the kit does. */
async function firstAccountId(page: Page): Promise<string> {
  const response = await page.request.get('/api/accounts', { headers: { 'X-CSRF': '1' } })
  expect(response.status()).toBe(200)
  const body = (await response.json()) as { data: { id: string }[] }
  const id = body.data[0]?.id
  if (id === undefined) throw new Error('the user has no account')
  return id
}

/** Adds a transaction at the simulator's bank; Moneyhub would then send `newTransactions`. */
async function addTransaction(
  simAdmin: SimAdmin,
  accountId: string,
  description: string,
): Promise<Delivery> {
  const answer = (await simAdmin.request('POST', '/transactions', {
    accountId,
    amount: -4275,
    description,
  })) as { delivery: Delivery | null }
  if (answer.delivery === null) throw new Error('the simulator sent no webhook')
  return answer.delivery
}

async function spoil(
  simAdmin: SimAdmin,
  delivery: Delivery,
  action: 'resend' | 'corrupt',
  mode?: string,
): Promise<Delivery> {
  const answer = (await simAdmin.request(
    'POST',
    `/webhooks/deliveries/${encodeURIComponent(delivery.id)}/${action}`,
    mode === undefined ? undefined : { mode },
  )) as { delivery: Delivery }
  return answer.delivery
}

test('a transaction the bank adds appears on the open Transactions page without a reload', async ({
  page,
  bank,
  simAdmin,
}) => {
  await page.goto('/')
  await connectByRedirect(page, bank, MOCK_BANK)
  const streamOpen = liveStreamOpened(page)
  await page.goto('/transactions')
  await streamOpen
  const table = page.getByRole('table', { name: 'Transactions' })
  await expect(table.locator('tbody tr').first()).toBeVisible()
  let navigations = 0
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations += 1
  })

  const delivery = await addTransaction(simAdmin, await firstAccountId(page), 'Live corner shop')
  expect(delivery.status).toBe(202)
  await expect(table.getByText('Live corner shop')).toBeVisible({ timeout: 5_000 })
  expect(navigations).toBe(0)
})

test('a forged or replayed webhook is refused and changes nothing on screen', async ({
  page,
  bank,
  simAdmin,
}) => {
  await page.goto('/')
  await connectByRedirect(page, bank, MOCK_BANK)
  const streamOpen = liveStreamOpened(page)
  await page.goto('/transactions')
  await streamOpen
  const table = page.getByRole('table', { name: 'Transactions' })
  const accountId = await firstAccountId(page)
  const genuine = await addTransaction(simAdmin, accountId, 'Genuine bakery')
  await expect(table.getByText('Genuine bakery')).toBeVisible({ timeout: 5_000 })
  const rows = await table.locator('tbody tr').count()

  // From here on the page must not refetch: no webhook below may reach it.
  const refetches: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/transactions')) {
      refetches.push(request.url())
    }
  })
  expect((await spoil(simAdmin, genuine, 'corrupt', 'wrong-key')).status).toBe(401)
  expect((await spoil(simAdmin, genuine, 'corrupt', 'wrong-audience')).status).toBe(401)
  expect((await spoil(simAdmin, genuine, 'corrupt', 'signature')).status).toBe(401)
  // The same jti again: acknowledged (200) so Moneyhub sees no error, but not acted on.
  expect((await spoil(simAdmin, genuine, 'resend')).status).toBe(200)

  // Give a wrongly accepted event time to arrive (the genuine one shows within a second).
  await page.waitForTimeout(2_000)
  expect(refetches).toEqual([])
  await expect(table.locator('tbody tr')).toHaveCount(rows)
})
