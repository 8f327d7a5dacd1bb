import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { connectByRedirect, MOCK_BANK } from '../support/journeys'

const SCREENS = [
  '/',
  '/accounts',
  '/transactions',
  '/connections',
  '/pay',
  '/payments',
  '/recurring-payments',
  '/standing-orders',
  '/callback',
]

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth)
}

test('the skip link comes first, and each navigation titles the page and focuses its heading', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page).toHaveTitle('Overview · Connect Kit demo')
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to main content' })
  await expect(skip).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('main#main')).toBeFocused()

  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('link', { name: 'Accounts' }).click()
  await expect(page).toHaveTitle('Accounts · Connect Kit demo')
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeFocused()
  await expect(nav.getByRole('link', { name: 'Accounts' })).toHaveAttribute('aria-current', 'page')
  await expect(nav.getByRole('link', { name: 'Overview' })).not.toHaveAttribute('aria-current')

  // A lazily loaded screen swaps its loading placeholder's heading for its own: focus follows.
  await nav.getByRole('link', { name: 'Recurring payments' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Your permissions' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Recurring payments' })).toBeFocused()
})

test('at 390 px no screen scrolls sideways, and the navigation folds behind Menu', async ({
  page,
  bank,
}) => {
  await page.setViewportSize({ width: 390, height: 844 })
  for (const path of SCREENS) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    expect(await pageWidth(page), `${path} signed out`).toBeLessThanOrEqual(390)
  }
  const nav = page.getByRole('navigation', { name: 'Main' })
  await expect(nav.getByRole('link', { name: 'Payments' })).toBeHidden()
  const menu = page.getByRole('button', { name: 'Menu' })
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  await menu.click()
  await nav.getByRole('link', { name: 'Connections' }).click()
  await expect(page).toHaveURL(/\/connections$/)
  await expect(menu).toHaveAttribute('aria-expanded', 'false')
  // The developer panel starts folded on a phone, its counter still in view.
  await expect(page.getByRole('button', { name: /Developer panel/ })).toHaveAttribute(
    'aria-expanded',
    'false',
  )
  await expect(page.getByRole('list', { name: 'Events' })).toBeHidden()

  await page.goto('/')
  await connectByRedirect(page, bank, MOCK_BANK)
  for (const path of SCREENS) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    if (path === '/transactions') {
      await expect(page.getByRole('table', { name: 'Transactions' })).toBeVisible()
    }
    expect(await pageWidth(page), `${path} signed in`).toBeLessThanOrEqual(390)
  }
})

test('the callback heading names the outcome, and the page title follows it', async ({
  page,
  bank,
}) => {
  await page.goto('/')
  await connectByRedirect(page, bank, MOCK_BANK)
  await expect(page.getByRole('heading', { level: 1, name: 'Bank connected' })).toBeVisible()
  await expect(page).toHaveTitle('Bank connected · Connect Kit demo')

  await page.getByRole('button', { name: 'Log out' }).click()
  await page.getByRole('button', { name: 'Connect a bank', exact: true }).click()
  await bank.choose(MOCK_BANK)
  await bank.deny()
  await expect(
    page.getByRole('heading', { level: 1, name: 'Could not connect your bank' }),
  ).toBeVisible()
  await expect(page).toHaveTitle('Could not connect your bank · Connect Kit demo')
})

test('an inverted date range is refused at the field and never sent', async ({ page, bank }) => {
  await page.goto('/')
  await connectByRedirect(page, bank, MOCK_BANK)
  await page.goto('/transactions')
  await expect(page.getByRole('table', { name: 'Transactions' })).toBeVisible()

  const sent: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname === '/api/transactions') sent.push(url.search)
  })
  const from = page.getByLabel('From')
  await from.fill('2026-03-10')
  await page.getByLabel('To').fill('2026-03-01')
  await page.getByRole('button', { name: 'Apply filters' }).click()

  await expect(from).toHaveAttribute('aria-invalid', 'true')
  await expect(from).toHaveAccessibleDescription('The From date must be on or before the To date.')
  await expect(from).toBeFocused()
  await expect(page.getByRole('alert')).toContainText('There is a problem with the filters')
  expect(sent).toEqual([])

  // Fixed, it goes through and the problem is gone.
  await from.fill('2026-02-01')
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(from).not.toHaveAttribute('aria-invalid')
  await expect.poll(() => sent.length).toBeGreaterThan(0)
})
