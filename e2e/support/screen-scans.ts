import type { BrowserContext, Frame, Page } from '@playwright/test'
import { isBlocking, scanAccessibility, type AccessibilityViolation } from '@mhkit/playwright'

/**
 * How long a screen must have been shown before it is scanned: long enough for the demo's first
 * data requests to answer on the shared CI cores, short enough that most screens a journey
 * passes through are still showing.
 */
const SETTLE_MS = 150

/**
 * Rule ids reported but not failing, from `AXE_ALLOW` (comma-separated). Empty by default: it
 * exists only while a fix for a listed rule is on its way, and is removed once it lands.
 */
export function allowedRules(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.AXE_ALLOW ?? '')
    .split(',')
    .map((rule) => rule.trim())
    .filter((rule) => rule !== '')
}

/**
 * The screen a URL shows: its origin and pathname, with id-like segments (a payment id, the
 * simulator's interaction uid) folded into `:id` so that one screen is scanned once per test
 * whatever record it shows. Query and hash are ignored.
 */
function screenOf(url: string): string | undefined {
  if (!url.startsWith('http')) return undefined
  const { origin, pathname } = new URL(url)
  const path = pathname
    .split('/')
    .map((segment) => (/^(?=.*\d)[\w-]{12,}$/.test(segment) ? ':id' : segment))
    .join('/')
  return `${origin}${path}`
}

/** What {@link watchScreens} found once the test is over. */
interface ScreenScanReport {
  /** Screens scanned (see {@link screenOf}), in order. */
  readonly screens: readonly string[]
  /** Every violation found, each rule once per screen, the non-blocking ones included. */
  readonly violations: readonly AccessibilityViolation[]
  /** The violations that fail the test: serious or critical, and not in `AXE_ALLOW`. */
  readonly blocking: readonly AccessibilityViolation[]
}

/** A watcher that scans each screen shown in a browser context with axe. */
export interface ScreenScanner {
  /**
   * Scans the page's screen now unless it was scanned already in this test: a journey calls it
   * (through {@link scanBeforeLeaving}) just before an action that leaves the screen.
   */
  scanNow(page: Page): Promise<void>
  /**
   * Waits for the scans under way, scans every page still open as it is now (the final state
   * of the journey), and reports.
   */
  finish(options?: { finalScan?: boolean }): Promise<ScreenScanReport>
}

/**
 * Scans every screen a journey shows: each page of the context (popups and new tabs included,
 * so the simulator's bank pages are scanned too) is scanned once it has settled after a
 * main-frame navigation. `framenavigated` fires for History API navigations as well, so each
 * route of the single-page demo counts as a screen. Each screen is scanned at most once per
 * test; a page that closes or navigates during its scan (a callback popup that closes at once)
 * is skipped rather than failing the journey.
 *
 * @param context - the test's browser context
 * @param allow - rule ids that are reported but do not fail (see {@link allowedRules})
 */
export function watchScreens(context: BrowserContext, allow: readonly string[]): ScreenScanner {
  const scanned = new Set<string>()
  const screens: string[] = []
  const found = new Map<string, AccessibilityViolation>()
  const pending = new Set<Promise<void>>()
  // One scan at a time per page: axe refuses to run twice at once in one document.
  const queues = new WeakMap<Page, Promise<void>>()

  const record = (violations: readonly AccessibilityViolation[]): void => {
    for (const violation of violations) {
      const key = `${violation.rule} ${screenOf(violation.url) ?? violation.url}`
      if (!found.has(key)) found.set(key, violation)
    }
  }

  const enqueue = (page: Page, job: () => Promise<void>): Promise<void> => {
    const run = (queues.get(page) ?? Promise.resolve()).then(job, job)
    queues.set(page, run)
    pending.add(run)
    void run.finally(() => pending.delete(run))
    return run
  }

  const scanWhenSettled = (page: Page, screen: string) => async (): Promise<void> => {
    try {
      await page.waitForLoadState('load')
      await page.waitForTimeout(SETTLE_MS)
      // The journey moved on before this screen settled: its new screen has its own scan.
      if (screenOf(page.url()) !== screen) {
        scanned.delete(screen)
        return
      }
      record(await scanAccessibility(page))
      screens.push(screen)
    } catch (error) {
      // Closed or navigated mid-scan; a later visit to the same screen scans it.
      scanned.delete(screen)
      if (!page.isClosed() && !isNavigationRace(error) && screenOf(page.url()) === screen) {
        throw error
      }
    }
  }

  const scanNow = (page: Page) => async (): Promise<void> => {
    const screen = screenOf(page.url())
    if (screen === undefined || scanned.has(screen)) return
    scanned.add(screen)
    try {
      record(await scanAccessibility(page))
      screens.push(screen)
    } catch (error) {
      scanned.delete(screen)
      if (!page.isClosed() && !isNavigationRace(error) && screenOf(page.url()) === screen) {
        throw error
      }
    }
  }

  const watch = (page: Page): void => {
    const onNavigated = (frame: Frame): void => {
      if (frame !== page.mainFrame()) return
      const screen = screenOf(frame.url())
      if (screen === undefined || scanned.has(screen)) return
      scanned.add(screen)
      void enqueue(page, scanWhenSettled(page, screen)).catch(() => undefined)
    }
    page.on('framenavigated', onNavigated)
  }

  for (const page of context.pages()) watch(page)
  context.on('page', watch)

  const scanner: ScreenScanner = {
    scanNow: (page) => enqueue(page, scanNow(page)),
    async finish({ finalScan = true } = {}) {
      context.off('page', watch)
      scanners.delete(context)
      while (pending.size > 0) await Promise.allSettled([...pending])
      if (finalScan) {
        for (const page of context.pages()) {
          if (page.isClosed() || screenOf(page.url()) === undefined) continue
          await enqueue(page, async () => {
            try {
              record(await scanAccessibility(page))
            } catch (error) {
              if (!page.isClosed() && !isNavigationRace(error)) throw error
            }
          })
        }
      }
      const violations = [...found.values()]
      return {
        screens,
        violations,
        blocking: violations.filter((violation) => isBlocking(violation, { allow })),
      }
    },
  }
  scanners.set(context, scanner)
  return scanner
}

const scanners = new WeakMap<BrowserContext, ScreenScanner>()

/**
 * Scans the page's screen before the journey leaves it (a click that goes to the bank, a form
 * post on the bank's page), so a screen shown only briefly is still scanned. Does nothing when
 * screens are not being scanned or this screen was scanned already.
 *
 * @param page - the page about to leave its screen
 */
export async function scanBeforeLeaving(page: Page): Promise<void> {
  await scanners.get(page.context())?.scanNow(page)
}

/** Whether Playwright failed because the document went away under the scan. */
function isNavigationRace(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error)
  // The last one: axe was injected into the document that left, and the next step of the scan
  // ran in the new one.
  return /Execution context was destroyed|closed|frame was detached|navigat|reading '(run|runPartial)'/i.test(
    message,
  )
}
