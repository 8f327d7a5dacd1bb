import type { Page } from '@playwright/test'
import {
  formatViolations,
  isBlocking,
  scanAccessibility,
  type AccessibilityViolation,
} from '@mhkit/playwright'
import { expect, test } from '../fixtures'
import { connectByRedirect, MOCK_BANK, signedIn, signedOut } from '../support/journeys'
import { allowedRules } from '../support/screen-scans'

// Every demo route, scanned here in each state explicitly rather than by the fixture's watcher.
test.use({ scanScreens: false })

/** Every route of the demo, the callback with nothing to report and an unknown path included. */
const ROUTES = [
  '/',
  '/accounts',
  '/transactions',
  '/connections',
  '/pay',
  '/payments',
  '/payments/no-such-payment',
  '/recurring-payments',
  '/standing-orders',
  '/callback',
  '/no-such-page',
]

const STATES = [
  { scheme: 'light', width: 1280 },
  { scheme: 'dark', width: 1280 },
  { scheme: 'light', width: 390 },
  { scheme: 'dark', width: 390 },
] as const

/** Listed in AXE_ALLOW, lets sideways scrolling through while a layout fix lands. */
const HORIZONTAL_SCROLL = 'horizontal-scroll'

interface Finding {
  readonly state: string
  readonly violation: AccessibilityViolation
}

/**
 * How far the page scrolls sideways at `width` px (0 when everything fits), and the outermost
 * elements that reach past the window's right edge, so the finding says what to fix.
 */
async function overflowAt(
  page: Page,
  width: number,
): Promise<{ overflow: number; culprits: string[] }> {
  await page.setViewportSize({ width, height: 844 })
  return page.evaluate(() => {
    const describe = (element: Element): string =>
      element.tagName.toLowerCase() +
      (element.id === '' ? '' : `#${element.id}`) +
      Array.from(
        { length: element.classList.length },
        (_, i) => `.${element.classList.item(i)}`,
      ).join('')
    const all = document.body.querySelectorAll('*')
    const wide = Array.from({ length: all.length }, (_, i) => all.item(i)).filter(
      (element) => element.getBoundingClientRect().right > window.innerWidth + 0.5,
    )
    const outermost = wide.filter((element) => !wide.includes(element.parentElement as Element))
    return {
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      culprits: outermost.slice(0, 5).map(describe),
    }
  })
}

/**
 * Visits every route and, in each state (light and dark, 1280 and 390 px), scans it with axe;
 * at 390 and 360 px the page must not scroll sideways. Everything found is listed at the end.
 */
async function checkEveryRoute(page: Page): Promise<void> {
  const allow = allowedRules()
  const findings: Finding[] = []
  const seen = new Set<string>()
  for (const route of ROUTES) {
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto(route)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    // The live-updates stream keeps the network busy for good; let the first data requests
    // answer before the scans start.
    await page.waitForTimeout(500)
    for (const { scheme, width } of STATES) {
      const state = `${route} ${scheme} ${width}px`
      await page.emulateMedia({ colorScheme: scheme })
      await page.setViewportSize({ width, height: width > 400 ? 900 : 844 })
      for (const violation of await scanAccessibility(page)) {
        const key = `${violation.rule} ${route} ${violation.selectors.join(',')}`
        if (!isBlocking(violation, { allow }) || seen.has(key)) continue
        seen.add(key)
        findings.push({ state, violation })
      }
    }
    for (const width of [390, 360]) {
      const { overflow, culprits } = await overflowAt(page, width)
      if (overflow > 0 && !allow.includes(HORIZONTAL_SCROLL)) {
        findings.push({
          state: `${route} ${width}px`,
          violation: {
            rule: HORIZONTAL_SCROLL,
            impact: 'serious',
            help: `the page is ${overflow} px wider than a ${width} px window`,
            helpUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/reflow.html',
            selectors: culprits,
            url: page.url(),
          },
        })
      }
    }
  }
  const report = findings
    .map(({ state, violation }) => `${state}\n${formatViolations([violation])}`)
    .join('\n')
  expect(
    findings,
    `accessibility findings (AXE_ALLOW=<rule ids> lets a rule through):\n${report}`,
  ).toEqual([])
}

test('every demo screen signed out passes axe in light and dark, at 1280 and 390 px, without sideways scrolling', async ({
  page,
}) => {
  test.setTimeout(240_000)
  await page.goto('/')
  await expect(signedOut(page)).toBeVisible()
  await checkEveryRoute(page)
})

test('every demo screen signed in passes axe in light and dark, at 1280 and 390 px, without sideways scrolling', async ({
  page,
  bank,
}) => {
  test.setTimeout(240_000)
  await page.goto('/')
  await connectByRedirect(page, bank, MOCK_BANK)
  await expect(signedIn(page)).toBeVisible()
  await checkEveryRoute(page)
})
