import { expect, test } from '../fixtures'
import {
  connectByRedirect,
  expectBackOnCallback,
  liveStreamOpened,
  MOCK_BANK,
} from '../support/journeys'
import {
  ACME,
  advanceSimClock,
  bankOutcome,
  clearBankOutcomes,
  paymentStatusText,
  submitPayment,
} from '../support/payment-journeys'

test.afterEach(async ({ simAdmin }) => {
  await clearBankOutcomes(simAdmin)
})

test("a signed-in payer's status page flips to completed on the bank's webhook", async ({
  page,
  bank,
  simAdmin,
}) => {
  // Signed in first, so the demo's live-updates stream is open while the payment is pending.
  await page.goto('/')
  await connectByRedirect(page, bank, MOCK_BANK)
  await bankOutcome(simAdmin, 'completed', 60)
  await submitPayment(page, { amount: '7.50', payee: ACME })
  await bank.choose(MOCK_BANK)
  // The app loads again on the callback and opens its live-events stream.
  const streamOpen = liveStreamOpened(page)
  await bank.approve()
  await expectBackOnCallback(page)
  await streamOpen
  await page.getByRole('link', { name: 'See the payment status' }).click()
  const status = paymentStatusText(page)
  await expect(status).toHaveText('Your bank has accepted the payment. It is on its way…')

  const liveEvents = page.getByRole('listitem').filter({ hasText: 'live:payment.status' })
  const before = await liveEvents.count()
  // Settling at the bank makes the simulator send Moneyhub's payment webhook to the BFF, which
  // pushes it to this tab; the demo's event log shows each live event as it arrives.
  await advanceSimClock(simAdmin, 61)
  await expect(liveEvents).toHaveCount(before + 1, { timeout: 10_000 })
  await expect(status).toHaveText('Payment complete.')
})
