import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/** An axe impact level, from the least to the most severe. */
export type AxeImpact = 'minor' | 'moderate' | 'serious' | 'critical'

/** One rule an axe scan found broken on a screen, with the elements that break it. */
export interface AccessibilityViolation {
  /** axe's rule id, such as `color-contrast` or `nested-interactive`. */
  readonly rule: string
  readonly impact: AxeImpact
  /** What the rule checks, in one sentence. */
  readonly help: string
  /** Deque's page for the rule: what it means and how to fix it. */
  readonly helpUrl: string
  /** CSS selectors of the offending elements (axe's `target`, one per element). */
  readonly selectors: readonly string[]
  /** The page URL the scan ran on. */
  readonly url: string
}

/** Options for {@link scanAccessibility} and {@link expectAccessible}. */
export interface AccessibilityOptions {
  /**
   * axe rule tags to run. Default: WCAG 2.0, 2.1 and 2.2 A and AA, and Deque's best practices
   * ({@link DEFAULT_AXE_TAGS}).
   */
  readonly tags?: readonly string[]
  /** The least severe impact that fails {@link expectAccessible}. Default `serious`. */
  readonly failOn?: AxeImpact
  /** Rule ids reported but never failing: a temporary escape hatch while a fix lands. */
  readonly allow?: readonly string[]
  /** CSS selectors axe leaves out, such as a third-party widget you do not control. */
  readonly exclude?: readonly string[]
}

/** The rule tags scanned unless told otherwise: WCAG 2.x A/AA and axe's best practices. */
export const DEFAULT_AXE_TAGS: readonly string[] = [
  'wcag2a',
  'wcag2aa',
  'wcag21a',
  'wcag21aa',
  'wcag22aa',
  'best-practice',
]

const IMPACTS: readonly AxeImpact[] = ['minor', 'moderate', 'serious', 'critical']

/**
 * Runs axe on the page as it is now and returns every violation, of any impact.
 *
 * @param page - the page to scan (all its frames are scanned)
 * @param options - tags and exclusions
 * @throws Error from Playwright when the page closes or navigates away during the scan
 */
export async function scanAccessibility(
  page: Page,
  options: AccessibilityOptions = {},
): Promise<AccessibilityViolation[]> {
  // Legacy mode runs axe inside the page itself. The default mode opens a blank page in the
  // same context to merge per-frame results, which a journey waiting for a popup would take for
  // its own; the screens scanned here have no cross-origin frames, which is all it adds.
  let builder = new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags([...(options.tags ?? DEFAULT_AXE_TAGS)])
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector)
  const results = await builder.analyze()
  const url = results.url
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? 'minor',
    help: violation.help,
    helpUrl: violation.helpUrl,
    selectors: violation.nodes.map((node) => node.target.map(String).join(' ')),
    url,
  }))
}

/**
 * Whether a violation fails a check at `failOn` with the rules in `allow` let through.
 *
 * @param violation - one violation from {@link scanAccessibility}
 * @param options - `failOn` (default `serious`) and `allow`
 */
export function isBlocking(
  violation: AccessibilityViolation,
  options: Pick<AccessibilityOptions, 'failOn' | 'allow'> = {},
): boolean {
  const least = IMPACTS.indexOf(options.failOn ?? 'serious')
  return (
    IMPACTS.indexOf(violation.impact) >= least && !(options.allow ?? []).includes(violation.rule)
  )
}

/**
 * Formats violations one block each: rule id, impact, help text and URL, and the selectors
 * (at most five per rule, with a count of the rest), so a failing journey says what to fix.
 *
 * @param violations - from {@link scanAccessibility}
 */
export function formatViolations(violations: readonly AccessibilityViolation[]): string {
  return violations
    .map((violation) => {
      const shown = violation.selectors.slice(0, 5).map((selector) => `    ${selector}`)
      const more = violation.selectors.length - shown.length
      if (more > 0) shown.push(`    … and ${more} more`)
      return [
        `[${violation.impact}] ${violation.rule}: ${violation.help} (${violation.url})`,
        `  ${violation.helpUrl}`,
        ...shown,
      ].join('\n')
    })
    .join('\n')
}

/**
 * Scans the page with axe and throws when it finds a violation at `failOn` (default
 * `serious`) or worse that `allow` does not list. Use it on each screen of your own journeys.
 *
 * @example
 * ```ts
 * await expect(page.getByRole('heading', { name: 'Accounts' })).toBeVisible()
 * await expectAccessible(page)
 * ```
 *
 * @param page - the page to scan
 * @param options - tags, `failOn`, `allow`, `exclude`
 * @returns every violation found, the non-blocking ones included
 * @throws Error listing each blocking violation's rule, impact, help URL and selectors
 */
export async function expectAccessible(
  page: Page,
  options: AccessibilityOptions = {},
): Promise<AccessibilityViolation[]> {
  const violations = await scanAccessibility(page, options)
  const blocking = violations.filter((violation) => isBlocking(violation, options))
  if (blocking.length > 0) {
    throw new Error(
      `${blocking.length} accessibility violation(s) on ${page.url()}:\n${formatViolations(blocking)}`,
    )
  }
  return violations
}
