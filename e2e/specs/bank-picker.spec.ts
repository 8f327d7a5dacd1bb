import type { Page } from '@playwright/test'
import type { BankDriver } from '@mhkit/playwright'
import { expect, test } from '../fixtures'
import {
  bankConnected,
  expectBackOnCallback,
  MOCK_BANK,
  screenshot,
  SECOND_BANK,
} from '../support/journeys'

/** The kit's bank picker on the demo's overview (one radio per bank, named after it). */
function picker(page: Page) {
  return page.getByRole('group', { name: 'Choose your bank' })
}

async function pickAndConnect(page: Page, bank: BankDriver, bankName: string): Promise<void> {
  await picker(page).getByRole('radio', { name: bankName }).check()
  await page.getByRole('button', { name: `Connect ${bankName}`, exact: true }).click()
  // The bank was named in the connect request: the simulator goes straight to its consent
  // page. Were its chooser shown, there would be no Approve button to wait for.
  await expect(page.getByRole('button', { name: 'Approve' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Choose your bank' })).toHaveCount(0)
  await bank.approve()
  await expectBackOnCallback(page)
  // The bank picked is the bank connected, by name.
  await expect(bankConnected(page)).toHaveText(`${bankName} connected.`)
}

function journey() {
  test("the picker shows each bank's logo, served from the app's own origin", async ({ page }) => {
    await page.goto('/')
    const banks = picker(page)
    await expect(banks.getByRole('radio', { name: MOCK_BANK })).toBeVisible()
    // Logos come from the app's own origin (the BFF proxies them) and actually load.
    const logo = banks.locator('label', { hasText: MOCK_BANK }).locator('img')
    await expect(logo).toHaveAttribute(
      'src',
      new RegExp(`^(${new URL(page.url()).origin})?/api/banks/[^/]+/icon$`),
    )
    await expect
      .poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0)
  })

  test('a person picks their bank in the app, skipping the bank chooser, and finds it under their recent banks', async ({
    page,
    bank,
  }, testInfo) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { name: 'Connect your bank' })).toBeVisible()
    const banks = picker(page)
    await expect(banks.getByRole('radio', { name: MOCK_BANK })).toBeVisible()

    await screenshot(page, testInfo, 'bank-picker')

    // Search narrows the list to the matching banks.
    const all = await banks.getByRole('radio').count()
    expect(all).toBeGreaterThan(1)
    await page.getByRole('searchbox', { name: 'Search banks' }).fill('northw')
    await expect(banks.getByRole('radio')).toHaveCount(1)
    await expect(banks.getByRole('radio', { name: SECOND_BANK })).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: '1 bank' })).toBeVisible()
    await page.getByRole('searchbox', { name: 'Search banks' }).fill('')
    await expect(banks.getByRole('radio')).toHaveCount(all)

    await pickAndConnect(page, bank, MOCK_BANK)

    // Next time, the bank picked before leads the list.
    await page.goto('/')
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Your money' })).toBeVisible()
    const recent = picker(page).getByRole('group', { name: 'Your recent banks' })
    await expect(recent.getByRole('radio')).toHaveCount(1)
    await expect(recent.getByRole('radio', { name: MOCK_BANK })).toBeVisible()
    await screenshot(page, testInfo, 'bank-picker-recent')
  })
}

test.describe('desktop', () => {
  journey()
})

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 } })
  journey()
})
