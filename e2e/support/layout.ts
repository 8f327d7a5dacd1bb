import type { Page } from '@playwright/test'
import { expect } from '@playwright/test'

/**
 * Checks the current page at a phone width (390 px): nothing wider than the viewport, so there
 * is no horizontal scroll. Restores the previous viewport afterwards.
 */
export async function expectNoHorizontalScrollOnPhone(page: Page): Promise<void> {
  const previous = page.viewportSize()
  await page.setViewportSize({ width: 390, height: 844 })
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow, 'horizontal scroll at 390 px').toBe(0)
  if (previous !== null) await page.setViewportSize(previous)
}
