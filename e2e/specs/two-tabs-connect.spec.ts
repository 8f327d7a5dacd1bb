import { createBankDriver } from '@mhkit/playwright'
import { expect, test } from '../fixtures'
import { bankConnected, expectBackOnCallback, MOCK_BANK, SECOND_BANK } from '../support/journeys'

test('two tabs that each connect a bank at the same time end with both banks listed', async ({
  page,
}) => {
  const second = await page.context().newPage()
  const tabs = [
    { page, bank: MOCK_BANK },
    { page: second, bank: SECOND_BANK },
  ]
  for (const tab of tabs) await tab.page.goto('/')
  // Both tabs are at the bank before either comes back.
  for (const tab of tabs) {
    await tab.page.getByRole('button', { name: 'Connect a bank', exact: true }).click()
    await createBankDriver(tab.page).choose(tab.bank)
  }
  for (const tab of tabs) {
    await createBankDriver(tab.page).approve()
    await expectBackOnCallback(tab.page)
    await expect(bankConnected(tab.page)).toBeVisible()
  }

  for (const tab of tabs) {
    await tab.page.goto('/connections')
    const connections = tab.page.getByRole('list', { name: 'Connections' })
    await expect(connections.getByRole('listitem', { name: MOCK_BANK })).toBeVisible()
    await expect(connections.getByRole('listitem', { name: SECOND_BANK })).toBeVisible()
    await expect(connections.getByRole('listitem')).toHaveCount(2)
  }
})
