import { expect, test } from '../fixtures'
import { connectByRedirect, MOCK_BANK } from '../support/journeys'

test('the demo runs under a strict CSP with no violation on any screen', async ({
  page,
  bank,
  stack,
}) => {
  // Collect every violation the browser reports, from the first script on.
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __cspViolations: string[] }).__cspViolations = seen
    document.addEventListener('securitypolicyviolation', (event) => {
      const source = event.sourceFile === '' ? '' : ` at ${event.sourceFile}:${event.lineNumber}`
      seen.push(`${event.violatedDirective} ${event.blockedURI}${source}`)
    })
  })
  const consoleViolations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text())
  })
  const violations = () =>
    page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)

  const response = await page.goto('/')
  const csp = (await response?.allHeaders())?.['content-security-policy'] ?? ''
  expect(csp).toContain("default-src 'self'")
  expect(csp).toContain("script-src 'self'")
  expect(csp).toContain("style-src 'self'")
  expect(csp).toContain("frame-ancestors 'none'")
  expect(csp).not.toContain('unsafe-inline')
  await expect(page.getByRole('heading', { name: 'Connect your bank' })).toBeVisible()
  expect(await violations()).toEqual([])

  await connectByRedirect(page, bank, MOCK_BANK)
  expect(await violations()).toEqual([])
  for (const path of ['/', '/accounts', '/transactions', '/connections']) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    // Theme switch sets an attribute, never an inline style.
    await page.getByRole('button', { name: /Switch theme/ }).click()
    expect(await violations(), path).toEqual([])
  }
  expect(consoleViolations).toEqual([])
  expect(stack.appUrl).toMatch(/^http:\/\/localhost:\d+$/)
})
