import { expect, test } from '@mhkit/playwright'

test('connects a bank at the simulator and lists its accounts', async ({
  page,
  bank,
  simAdmin,
}) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Connect a bank' }).click()
  await bank.choose('Moneyhub Open Banking Mock')
  await bank.approve()
  await expect(page.getByText('Your bank is connected.')).toBeVisible()
  await expect(page.getByRole('list', { name: 'Your accounts' })).toBeVisible()

  // No token the simulator issued ever reached the page.
  const html = await page.content()
  for (const secret of await simAdmin.issuedSecrets()) expect(html).not.toContain(secret)
})
