import { expect, test } from '../fixtures'
import {
  expectBackOnCallback,
  bankConnected,
  MOCK_BANK,
  signedIn,
  successCounter,
} from '../support/journeys'

test('popup mode connects in a window and keeps the app page', async ({ page, bank }) => {
  await page.goto('/')
  const appUrl = page.url()
  const popupOpened = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Connect in a popup' }).click()
  const popup = await popupOpened
  await expect(page.getByRole('status').filter({ hasText: 'Waiting for your bank' })).toBeVisible()

  const inPopup = bank.in(popup)
  await inPopup.choose(MOCK_BANK)
  // The callback page inside the popup hands over to the opener and closes itself, which can
  // happen before approve() resolves: listen first so the close event is never missed.
  const popupClosed = popup.waitForEvent('close')
  await inPopup.approve()
  await popupClosed

  expect(page.url()).toBe(appUrl)
  await expect(successCounter(page)).toHaveText('1')
  await expect(signedIn(page)).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Your money' })).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'connect:popup_opened' })).toBeVisible()
})

test('closing the popup cancels the flow and leaves the app usable', async ({ page }) => {
  await page.goto('/')
  const popupOpened = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Connect in a popup' }).click()
  const popup = await popupOpened
  await expect(popup.getByRole('heading', { name: 'Choose your bank' })).toBeVisible()
  await popup.close()
  await expect(page.getByRole('status').filter({ hasText: 'Connection cancelled.' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Connect a bank', exact: true })).toBeEnabled()
  await expect(successCounter(page)).toHaveText('0')
})

test('a blocked popup falls back to a full redirect', async ({ page, bank }) => {
  // What a popup blocker does: window.open returns null.
  await page.addInitScript(() => {
    window.open = () => null
  })
  let popups = 0
  page.on('popup', () => {
    popups += 1
  })
  await page.goto('/')
  await page.getByRole('button', { name: 'Connect in a popup' }).click()

  // The same tab goes to the bank instead of failing silently.
  await expect(page.getByRole('heading', { name: 'Choose your bank' })).toBeVisible()
  await bank.choose(MOCK_BANK)
  await bank.approve()
  await expectBackOnCallback(page)
  await expect(bankConnected(page)).toBeVisible()
  await expect(successCounter(page)).toHaveText('1')
  expect(popups).toBe(0)
})
