import { expect, type Page } from '@playwright/test'

/** Drives the simulator's bank pages (the chooser and the consent page) in one browser page. */
export interface BankDriver {
  /** The page this driver acts in. */
  readonly page: Page
  /** Picks a bank on the chooser; its button is named after the bank. */
  choose(name: string): Promise<void>
  /** Presses **Approve** on the consent page. */
  approve(): Promise<void>
  /** Presses **Deny** on the consent page. */
  deny(): Promise<void>
  /** The same driver acting in another page, such as a connect popup. */
  in(page: Page): BankDriver
}

/**
 * Creates a {@link BankDriver}. Every step waits for its button by role and accessible name,
 * so it works the same whether the bank pages open in the tab (redirect mode) or a popup.
 *
 * @param page - the page that shows (or is about to show) the simulator's bank pages
 */
export function createBankDriver(page: Page): BankDriver {
  const press = async (name: string): Promise<void> => {
    const button = page.getByRole('button', { name, exact: true })
    await expect(button).toBeVisible()
    await button.click()
  }
  return {
    page,
    choose: (name) => press(name),
    approve: () => press('Approve'),
    deny: () => press('Deny'),
    in: (other) => createBankDriver(other),
  }
}
