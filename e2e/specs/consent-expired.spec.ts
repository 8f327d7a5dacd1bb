import { expect, test } from '../fixtures'
import {
  expectBackOnCallback,
  bankConnected,
  connectByRedirect,
  MOCK_BANK,
  screenshot,
} from '../support/journeys'

test('an expired consent is shown and renewed on the same connection', async ({
  page,
  bank,
  simAdmin,
}, testInfo) => {
  await page.goto('/')
  await connectByRedirect(page, bank, MOCK_BANK)

  const listed = await page.request.get('/api/connections', { headers: { 'X-CSRF': '1' } })
  expect(listed.status()).toBe(200)
  const { data } = (await listed.json()) as { data: { id: string; status: string }[] }
  expect(data).toHaveLength(1)
  const connectionId = data[0]?.id ?? ''
  // Freshly connected: not expired (the simulator's consent may already count as expiring).
  expect(data[0]?.status).not.toBe('expired')

  await simAdmin.expireConsent(connectionId)

  // The data screens say what happened and lead to the fix: the Connections screen.
  await page.goto('/accounts')
  const problem = page.getByRole('alert').filter({ hasText: 'Reconnect needed' })
  await expect(problem).toBeVisible()
  await problem.getByRole('button', { name: 'Reconnect your bank' }).click()
  await expect(page).toHaveURL(/\/connections$/)
  const card = page.getByRole('listitem', { name: MOCK_BANK })
  await expect(card.getByText('Consent expired')).toBeVisible()
  await screenshot(page, testInfo, 'consent-expired')

  await card
    .getByRole('button', { name: new RegExp(`^(Renew consent for|Reconnect) ${MOCK_BANK}$`) })
    .click()
  // An existing connection goes straight to the bank's consent page (no chooser).
  await bank.approve()
  await expectBackOnCallback(page)
  await expect(bankConnected(page)).toBeVisible()

  await page.goto('/connections')
  await expect(card).toBeVisible()
  await expect(card.getByText('Consent expired')).toHaveCount(0)
  // Still one connection, with the same id: renewed, not duplicated.
  const after = await page.request.get('/api/connections', { headers: { 'X-CSRF': '1' } })
  const renewed = (await after.json()) as { data: { id: string; status: string }[] }
  expect(renewed.data.map((c) => c.id)).toEqual([connectionId])
  expect(renewed.data[0]?.status).not.toBe('expired')
})
