import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { bankConnected, expectBackOnCallback, MOCK_BANK } from '../support/journeys'
import { ACME, paymentStatusText, submitPayment } from '../support/payment-journeys'
import { repoRoot } from '../support/stack'

/** The README's gallery; every run writes it again, so the pictures never go stale. */
const OUT_DIR = join(repoRoot, 'docs', 'screenshots')

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const

/**
 * Saves what the window shows as `docs/screenshots/<screen>-<size>.jpg`: JPEG at quality 70 so
 * the gallery stays small, animations stopped, and text that changes from run to run (times,
 * the developer event log) masked so the pictures only change when a screen does.
 */
async function shoot(page: Page, screen: string, size: string): Promise<void> {
  // Every pictured screen fits its window: no sideways scrolling, at 390 px least of all.
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    // The layout width, without a vertical scrollbar's share of the window.
    width: document.documentElement.clientWidth,
  }))
  expect(scrollWidth, `${screen} scrolls sideways at ${width} px`).toBeLessThanOrEqual(width)
  await page.screenshot({
    path: join(OUT_DIR, `${screen}-${size}.jpg`),
    type: 'jpeg',
    quality: 70,
    animations: 'disabled',
    caret: 'hide',
    mask: [page.locator('time'), page.getByRole('complementary', { name: 'Event log' })],
    maskColor: '#d9dde3',
  })
}

for (const size of SIZES) {
  test(`the README's pictures of the main screens at ${size.width} px`, async ({ page, bank }) => {
    test.setTimeout(120_000)
    mkdirSync(OUT_DIR, { recursive: true })
    await page.setViewportSize({ width: size.width, height: size.height })

    await page.goto('/')
    const connect = page.getByRole('button', { name: 'Connect a bank', exact: true })
    await expect(connect).toBeVisible()
    await shoot(page, 'overview-signed-out', size.name)

    await connect.click()
    await expect(page.getByRole('button', { name: MOCK_BANK, exact: true })).toBeVisible()
    await shoot(page, 'bank-chooser', size.name)
    await bank.choose(MOCK_BANK)
    await expect(page.getByRole('button', { name: 'Approve', exact: true })).toBeVisible()
    await shoot(page, 'bank-consent', size.name)
    await bank.approve()

    await expectBackOnCallback(page)
    await expect(bankConnected(page)).toBeVisible()
    await shoot(page, 'callback-connected', size.name)

    await page.goto('/accounts')
    await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible()
    await expect(page.getByRole('table').or(page.getByRole('list')).first()).toBeVisible()
    await shoot(page, 'accounts', size.name)

    await page.goto('/transactions')
    await expect(page.getByRole('heading', { name: 'Transactions', level: 1 })).toBeVisible()
    await expect(page.getByRole('table').first()).toBeVisible()
    await shoot(page, 'transactions', size.name)

    await page.goto('/pay')
    await expect(page.getByRole('heading', { name: 'Make a payment' })).toBeVisible()
    await shoot(page, 'pay', size.name)

    await submitPayment(page, { amount: '42.00', payee: ACME })
    await bank.choose(MOCK_BANK)
    await bank.approve()
    await expectBackOnCallback(page)
    await page.getByRole('link', { name: 'See the payment status' }).click()
    await expect(paymentStatusText(page)).toHaveText('Payment complete.')
    await shoot(page, 'payment-status', size.name)

    await page.goto('/payments')
    await expect(page.getByRole('heading', { name: 'Payments', level: 1 })).toBeVisible()
    await expect(page.getByRole('list', { name: 'Your payments' })).toBeVisible()
    await shoot(page, 'payments', size.name)

    await page.goto('/recurring-payments')
    await expect(page.getByText('No recurring payment permissions yet')).toBeVisible()
    await shoot(page, 'recurring-payments', size.name)

    await page.goto('/standing-orders')
    await expect(page.getByText('No standing orders yet')).toBeVisible()
    await shoot(page, 'standing-orders', size.name)
  })
}
