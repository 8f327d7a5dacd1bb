import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { connectByRedirect, MOCK_BANK, sessionOf } from '../support/journeys'
import { repoRoot } from '../support/stack'

// The demo's host server (web/demo/server/host.ts) in the BFF's place: the BFF mounted at /api
// with a userBinding that keeps the Moneyhub user against the demo's own signed-in user.
test.use({
  stackOptions: { bffEntry: { cwd: join(repoRoot, 'web', 'demo'), file: 'server/host.ts' } },
})

async function demoSignIn(page: Page, name: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Demo sign-in' })
  await form.getByRole('textbox', { name: 'Demo sign-in' }).fill(name)
  await form.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Signed in as ${name}` })).toBeVisible()
}

async function userIdOf(page: Page): Promise<string | undefined> {
  const session = (await sessionOf(page)) as { authenticated: boolean; user?: { id: string } }
  return session.user?.id
}

test('a person signed in to the host finds their bank again after logging out and back in', async ({
  page,
  bank,
  simAdmin,
}) => {
  await page.goto('/')
  await demoSignIn(page, 'Alice')
  // Signed in to the host, no bank yet: the BFF knows no Moneyhub user for Alice.
  expect((await sessionOf(page)).authenticated).toBe(false)

  await connectByRedirect(page, bank, MOCK_BANK)
  const moneyhubUser = await userIdOf(page)
  expect(moneyhubUser).toBeDefined()
  await page.goto('/connections')
  await expect(page.getByText(MOCK_BANK).first()).toBeVisible()

  // Log out ends the host sign-in and the BFF session: nothing of Alice's is shown.
  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^Not signed in$/ })).toBeVisible()
  expect((await sessionOf(page)).authenticated).toBe(false)
  const accounts = await page.request.get('/api/accounts', { headers: { 'X-CSRF': '1' } })
  expect(accounts.status()).toBe(401)

  // Someone else signing in on this browser sees none of Alice's banks.
  await demoSignIn(page, 'Bob')
  expect((await sessionOf(page)).authenticated).toBe(false)
  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^Not signed in$/ })).toBeVisible()

  // Alice again: the same Moneyhub user and her bank, without connecting anything.
  const before = await simAdmin.counters()
  await demoSignIn(page, 'Alice')
  expect(await userIdOf(page)).toBe(moneyhubUser)
  await page.goto('/connections')
  await expect(page.getByText(MOCK_BANK).first()).toBeVisible()
  await page.goto('/accounts')
  await expect(
    page.getByRole('list', { name: 'Accounts' }).getByRole('listitem').first(),
  ).toBeVisible()
  const after = await simAdmin.counters()
  expect(after.par ?? 0).toBe(before.par ?? 0)
})
