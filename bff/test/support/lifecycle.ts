/**
 * Steps the login-lifecycle tests share (docs/security.md LL1–LL6): a connect approved at
 * the mock bank whose callback is not yet followed, a browser navigation with Fetch Metadata,
 * and the outcomes a test reads back.
 */
import { approveConsent, MOCK_BANK_ID } from '@mhkit/sim'
import { connectResponseSchema, flowResponseSchema, sessionResponseSchema } from '@mhkit/shared'
import { expect } from 'vitest'

import type { TestBrowser } from './browser'
import { callbackPath, type BffUnderTest, type SimWorld } from './sim-harness'
import { APP_ORIGIN } from './test-app'

/** Headers a browser sends on a cross-site top-level navigation (Fetch Metadata). */
const NAVIGATION = {
  'Sec-Fetch-Mode': 'navigate',
  'Sec-Fetch-Dest': 'document',
  'Sec-Fetch-Site': 'cross-site',
  Accept: 'text/html,application/xhtml+xml',
}

/** The browser's cookies as a `Cookie` header value. */
export function cookieHeader(browser: TestBrowser): string {
  return [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
}

/** A browser navigation to `path` with the browser's cookies (its cookie jar is not updated). */
export function navigateAsBrowser(
  bff: BffUnderTest,
  browser: TestBrowser,
  path: string,
): Promise<Response> {
  return Promise.resolve(
    bff.app.request(path, { headers: { ...NAVIGATION, Cookie: cookieHeader(browser) } }),
  )
}

/** Starts a connect and approves it at the mock bank; the callback is not followed yet. */
export async function approvedAtBank(
  browser: TestBrowser,
  returnTo = '/connected',
): Promise<{ flowId: string; callback: string }> {
  const res = await browser.send('POST', '/api/connect', { kind: 'ais', returnTo })
  expect(res.status, await res.clone().text()).toBe(200)
  const { url, flowId } = connectResponseSchema.parse(await res.json())
  return { flowId, callback: callbackPath(await approveConsent(url, { bankId: MOCK_BANK_ID })) }
}

/** A whole connect followed through the callback; returns its flow id. */
export async function signIn(bff: BffUnderTest): Promise<string> {
  const { flowId, callback } = await approvedAtBank(bff.browser)
  expect((await bff.browser.navigate(callback)).status).toBe(303)
  return flowId
}

/** `GET /api/flows/:flowId`, expected to answer 200. */
export async function flowOf(browser: TestBrowser, flowId: string) {
  const res = await browser.get(`/api/flows/${flowId}`)
  expect(res.status, await res.clone().text()).toBe(200)
  return flowResponseSchema.parse(await res.json())
}

/** Whether `GET /api/session` says signed in. */
export async function authenticated(browser: TestBrowser): Promise<boolean> {
  const res = await browser.get('/api/session')
  return sessionResponseSchema.parse(await res.json()).authenticated
}

/** How many authorization codes the simulator has exchanged since its counters were reset. */
export async function codeExchanges(world: SimWorld): Promise<number> {
  return (await world.sim.admin.counters())['token:authorization_code'] ?? 0
}

/** `path` with the query parameter `name` set to `value`. */
export function withParam(path: string, name: string, value: string): string {
  const url = new URL(path, APP_ORIGIN)
  url.searchParams.set(name, value)
  return `${url.pathname}${url.search}`
}
