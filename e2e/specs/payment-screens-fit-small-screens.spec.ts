import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { expectBackOnCallback, MOCK_BANK, screenshot } from '../support/journeys'
import { ACME, paymentStatusText, submitPayment } from '../support/payment-journeys'

/** Whether the page scrolls sideways (its content is wider than the viewport). */
function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  )
}

for (const width of [1280, 390]) {
  test(`the payment screens fit a ${width} px window without sideways scrolling`, async ({
    page,
    bank,
  }, testInfo) => {
    await page.setViewportSize({ width, height: 900 })
    await submitPayment(page, {
      amount: '1',
      payee: { name: '', sortCode: '1', accountNumber: 'x' },
      payeeRef: '',
    })
    await expect(page.getByRole('alert')).toBeVisible()
    expect(await scrollsSideways(page)).toBe(false)
    await screenshot(page, testInfo, `pay-errors-${width}`)

    await submitPayment(page, { amount: '42.00', payee: ACME })
    await bank.choose(MOCK_BANK)
    await bank.approve()
    await expectBackOnCallback(page)
    await expect(page.getByRole('status').filter({ hasText: 'Payment authorised' })).toBeVisible()
    expect(await scrollsSideways(page)).toBe(false)
    await screenshot(page, testInfo, `callback-payment-${width}`)

    await page.getByRole('link', { name: 'See the payment status' }).click()
    await expect(paymentStatusText(page)).toHaveText('Payment complete.')
    await page.getByRole('button', { name: /^Refund/ }).click()
    expect(await scrollsSideways(page)).toBe(false)
    await screenshot(page, testInfo, `payment-status-${width}`)

    await page.goto('/pay')
    await expect(page.getByLabel('Payee', { exact: true })).toBeVisible()
    expect(await scrollsSideways(page)).toBe(false)
    await screenshot(page, testInfo, `pay-${width}`)

    await page.goto('/payments')
    await page.getByRole('button', { name: /^Refund/ }).click()
    expect(await scrollsSideways(page)).toBe(false)
    await screenshot(page, testInfo, `payments-${width}`)
  })
}
