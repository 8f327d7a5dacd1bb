/**
 * Steps the BFF integration tests share: a whole connect approved at the simulator's mock bank,
 * the stored session behind the browser's cookie, and the lists a signed-in browser reads.
 */
import { approveConsent, MOCK_BANK_ID } from '@mhkit/sim'
import {
  accountListResponseSchema,
  connectionListResponseSchema,
  connectResponseSchema,
  flowResponseSchema,
  type Connection,
  type ConnectRequestInput,
} from '@mhkit/shared'
import { expect } from 'vitest'

import { hashId } from '../../src/session/ids'
import type { SessionData } from '../../src/session/sessions'
import type { Store } from '../../src/session/store'
import type { TestBrowser } from './browser'
import { callbackPath } from './sim-harness'

const SESSION_COOKIE = '__Host-mhkit-session'

/**
 * Starts a flow through the BFF, approves it at the mock bank, follows the callback and
 * expects the flow to succeed.
 *
 * @returns the flow's connection id
 */
export async function connectAndApprove(
  browser: TestBrowser,
  body: ConnectRequestInput = { kind: 'ais' },
): Promise<string> {
  const res = await browser.send('POST', '/api/connect', body)
  expect(res.status, await res.clone().text()).toBe(200)
  const { url, flowId } = connectResponseSchema.parse(await res.json())
  const back = await browser.navigate(
    callbackPath(await approveConsent(url, { bankId: MOCK_BANK_ID })),
  )
  expect(back.status).toBe(303)
  const flow = flowResponseSchema.parse(await (await browser.get(`/api/flows/${flowId}`)).json())
  expect(flow.status, JSON.stringify(flow.error)).toBe('succeeded')
  const id = flow.result?.connectionId ?? ''
  expect(id).not.toBe('')
  return id
}

/** The session record the browser's cookie names, as the store holds it (null when gone). */
export async function storedSession(browser: TestBrowser, store: Store): Promise<SessionData> {
  const id = browser.cookies.get(SESSION_COOKIE) ?? ''
  return JSON.parse((await store.get(`sess:${hashId(id)}`)) ?? 'null') as SessionData
}

/** `GET /api/connections`, expected to answer 200. */
export async function connectionsOf(browser: TestBrowser): Promise<Connection[]> {
  const res = await browser.get('/api/connections')
  expect(res.status, await res.clone().text()).toBe(200)
  return connectionListResponseSchema.parse(await res.json()).data
}

/** The account ids of `GET /api/accounts`, expected to answer 200. */
export async function accountIdsOf(browser: TestBrowser): Promise<string[]> {
  const res = await browser.get('/api/accounts')
  expect(res.status, await res.clone().text()).toBe(200)
  return accountListResponseSchema.parse(await res.json()).data.map((a) => a.id)
}
