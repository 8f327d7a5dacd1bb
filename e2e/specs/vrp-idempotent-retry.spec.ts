import { expect, test } from '../fixtures'
import { screenshot } from '../support/journeys'
import {
  paymentSent,
  payForm,
  payWithPermission,
  setUpPermission,
  vrpPayments,
} from '../support/recurring-payments'

test('a VRP payment whose answer is lost is retried by the person and moves money once', async ({
  page,
  bank,
  simAdmin,
}, testInfo) => {
  await page.goto('/recurring-payments')
  await setUpPermission(page, bank, { reference: 'Top up', maximum: '100', monthly: '500' })
  const before = vrpPayments(await simAdmin.counters())

  // The BFF handles every pay request, but the browser never sees an answer: the connection
  // drops after the response was made (what a flaky mobile network does).
  const firstAnswers: { paymentId: string; key: string | null }[] = []
  await page.route('**/api/recurring-payments/*/pay', async (route) => {
    const response = await route.fetch()
    const body = (await response.json()) as { data: { paymentId: string } }
    firstAnswers.push({
      paymentId: body.data.paymentId,
      key: await route.request().headerValue('idempotency-key'),
    })
    await route.abort('connectionreset')
  })
  await payWithPermission(page, '25')
  const lost = payForm(page).getByRole('alert')
  await expect(lost).toHaveAttribute('data-code', 'network_error')
  await expect(lost).toContainText('we heard whether the payment went through')
  await expect(lost).toContainText('it will not be paid twice')
  await screenshot(page, testInfo, 'vrp-answer-lost')
  // The kit retried the unanswered attempt on its own, always with the same key, and the BFF
  // answered each retry with the first payment.
  expect(firstAnswers.length).toBeGreaterThanOrEqual(1)
  const [first] = firstAnswers
  expect(new Set(firstAnswers.map((answer) => answer.key))).toEqual(new Set([first?.key]))
  expect(new Set(firstAnswers.map((answer) => answer.paymentId))).toEqual(
    new Set([first?.paymentId]),
  )

  // The network is back; the person presses Pay again with the same amount.
  await page.unrouteAll({ behavior: 'wait' })
  const retried = page.waitForRequest('**/api/recurring-payments/*/pay')
  await payWithPermission(page, '25')
  expect(await (await retried).headerValue('idempotency-key')).toBe(first?.key)
  await expect(paymentSent(page)).toContainText('£25.00')
  // The retry shows the first result: the payment the BFF made before the answer was lost.
  await expect(paymentSent(page)).toContainText(first?.paymentId ?? 'missing')
  await expect(page.getByRole('list', { name: 'Payments made' }).getByRole('listitem')).toHaveCount(
    1,
  )
  await screenshot(page, testInfo, 'vrp-retry-first-result')

  // One payment reached the bank, however many times the browser asked.
  expect(vrpPayments(await simAdmin.counters()) - before).toBe(1)

  // A new payment afterwards is a new attempt with a new key, and moves money again.
  await payWithPermission(page, '25')
  await expect(paymentSent(page)).not.toContainText(first?.paymentId ?? 'missing')
  expect(vrpPayments(await simAdmin.counters()) - before).toBe(2)
})
