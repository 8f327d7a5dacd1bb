import type { Page } from '@playwright/test'

/**
 * Starts collecting the Content-Security-Policy violations the page reports, from its first
 * script on; call before the first `goto`. The kit's form checks build zod schemas, which must
 * never fall back to `new Function` (a `script-src` violation under the demo's strict CSP).
 *
 * @returns reads the violations so far
 */
export async function collectCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __cspViolations: string[] }).__cspViolations = seen
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`)
    })
  })
  return () =>
    page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)
}
