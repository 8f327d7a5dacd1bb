import { expect, test } from '../fixtures'
import {
  bankConnected,
  MOCK_BANK,
  screenshot,
  signedIn,
  signedOut,
  successCounter,
  expectBackOnCallback,
  followNavLink,
} from '../support/journeys'

test('a new user connects a bank and sees accounts and transactions', async ({
  page,
  bank,
}, testInfo) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Connect your bank' })).toBeVisible()
  await expect(signedOut(page)).toBeVisible()
  await screenshot(page, testInfo, 'signed-out')

  await page.getByRole('button', { name: 'Connect a bank', exact: true }).click()
  // The bank pages are the simulator's, on the identity host: a real redirect.
  await expect(page.getByRole('heading', { name: 'Choose your bank' })).toBeVisible()
  await screenshot(page, testInfo, 'bank-chooser')
  await bank.choose(MOCK_BANK)
  await screenshot(page, testInfo, 'bank-consent')
  await bank.approve()

  // Back on the app's callback route, with the one-time query already stripped.
  await expectBackOnCallback(page)
  await expect(bankConnected(page)).toBeVisible()
  // <StrictMode> mounts the callback twice in this development build; onSuccess fires once.
  await expect(successCounter(page)).toHaveText('1')
  await expect(signedIn(page)).toBeVisible()
  await screenshot(page, testInfo, 'callback')

  await page.getByRole('link', { name: 'View accounts' }).click()
  await expect(page).toHaveURL(/\/accounts$/)
  const accounts = page.getByRole('list', { name: 'Accounts' }).getByRole('listitem')
  await expect(accounts.first()).toBeVisible()
  expect(await accounts.count()).toBeGreaterThan(0)
  // Every account shows a formatted balance.
  for (const account of await accounts.all()) await expect(account).toContainText(/£[\d,]+\.\d\d/)
  await screenshot(page, testInfo, 'accounts')

  await followNavLink(page, 'Transactions')
  const rows = page.getByRole('table', { name: 'Transactions' }).locator('tbody tr')
  await expect(rows.first()).toBeVisible()
  const firstPage = await rows.count()
  expect(firstPage).toBeGreaterThan(0)
  expect(firstPage).toBeLessThanOrEqual(10)
  // With every account's rows together, each row names its account (once the accounts, which
  // also fill the filter's options, have answered).
  const firstRowAccount = rows.first().locator('td.mhkit-table__account')
  await expect.poll(() => firstRowAccount.textContent()).not.toBe('')
  const accountNames = (await page.getByLabel('Account').locator('option').allTextContents()).slice(
    1,
  )
  expect(accountNames).toContain(await firstRowAccount.textContent())
  await screenshot(page, testInfo, 'transactions')

  // Paging: the next page appends rows when the BFF reports more.
  const more = page.getByRole('button', { name: 'Load more' })
  if (firstPage === 10 && (await more.isVisible())) {
    await more.click()
    await expect.poll(() => rows.count()).toBeGreaterThan(firstPage)
  }

  // Filtering by one account asks the BFF for that account's rows only, and the table says so.
  const accountSelect = page.getByLabel('Account')
  const options = accountSelect.locator('option')
  const firstAccountName = (await options.nth(1).textContent()) ?? ''
  const firstAccountId = await options.nth(1).getAttribute('value')
  const filteredRequest = page.waitForRequest((request) => {
    const url = new URL(request.url())
    return (
      url.pathname === '/api/transactions' && url.searchParams.get('accountId') === firstAccountId
    )
  })
  await accountSelect.selectOption({ index: 1 })
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await filteredRequest
  const filtered = page.getByRole('table', { name: `Transactions in ${firstAccountName}` })
  await expect(filtered.locator('tbody tr').first()).toBeVisible()
  // One account's rows need no account column.
  await expect(filtered.getByRole('columnheader')).toHaveCount(3)

  // A date range in the far past matches nothing.
  await page.getByLabel('From').fill('2001-01-01')
  await page.getByLabel('To').fill('2001-01-31')
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page.getByText('No transactions match these filters.')).toBeVisible()
})
