/**
 * `GET /api/session` lists the same connections as `GET /api/connections` (issue 5): a
 * signed-in user's one-time connection under another Moneyhub user is in both, and a
 * one-time-only session's connection leaves both once its grant has ended.
 */
import { approveConsent, MOCK_BANK_ID } from '@mhkit/sim'
import {
  connectionListResponseSchema,
  connectResponseSchema,
  flowResponseSchema,
  sessionResponseSchema,
  type ConnectRequestInput,
} from '@mhkit/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { hashId } from '../../src/session/ids'
import type { SessionData } from '../../src/session/sessions'
import type { Store } from '../../src/session/store'
import type { TestBrowser } from '../support/browser'
import { bffOverSim, callbackPath, startSimWorld, type SimWorld } from '../support/sim-harness'

const SESSION_COOKIE = '__Host-mhkit-session'
const HOUR = 60 * 60 * 1000
// Long enough idle time that the fake clock can pass the one-time access token's hour.
const longSessions = { session: { idleMs: 6 * HOUR, absoluteMs: 12 * HOUR } }

let world: SimWorld

beforeAll(async () => {
  world = await startSimWorld()
})

afterAll(async () => {
  await world.close()
})

async function connect(browser: TestBrowser, body: ConnectRequestInput): Promise<string> {
  const res = await browser.send('POST', '/api/connect', body)
  expect(res.status, await res.clone().text()).toBe(200)
  const { url, flowId } = connectResponseSchema.parse(await res.json())
  const back = await browser.navigate(
    callbackPath(await approveConsent(url, { bankId: MOCK_BANK_ID })),
  )
  expect(back.status).toBe(303)
  const flow = flowResponseSchema.parse(await (await browser.get(`/api/flows/${flowId}`)).json())
  expect(flow.status).toBe('succeeded')
  const id = flow.result?.connectionId ?? ''
  expect(id).not.toBe('')
  return id
}

async function stored(browser: TestBrowser, store: Store): Promise<SessionData> {
  const id = browser.cookies.get(SESSION_COOKIE) ?? ''
  return JSON.parse((await store.get(`sess:${hashId(id)}`)) ?? 'null') as SessionData
}

/** The connection ids of `GET /api/connections`, sorted. */
async function listedIds(browser: TestBrowser): Promise<string[]> {
  const res = await browser.get('/api/connections')
  expect(res.status, await res.clone().text()).toBe(200)
  return connectionListResponseSchema
    .parse(await res.json())
    .data.map((c) => c.id)
    .sort()
}

/** The connection ids of `GET /api/session`, sorted; the session must carry its list. */
async function sessionIds(browser: TestBrowser): Promise<string[]> {
  const res = await browser.get('/api/session')
  expect(res.status, await res.clone().text()).toBe(200)
  const me = sessionResponseSchema.parse(await res.json())
  expect(me.authenticated).toBe(true)
  expect(me.connections).toBeDefined()
  return (me.connections ?? []).map((c) => c.id).sort()
}

describe('GET /api/session and GET /api/connections list the same connections', () => {
  it('a signed-in user with a one-time grant under another Moneyhub user: both list both', async () => {
    const { browser, store } = bffOverSim(world)
    const ongoing = await connect(browser, { kind: 'ais' })
    const oneTime = await connect(browser, { kind: 'ais', oneTime: true })
    const data = await stored(browser, store)
    expect(data.oneTime[0]?.sub).toBeDefined()
    expect(data.oneTime[0]?.sub).not.toBe(data.sub)

    const expected = [ongoing, oneTime].sort()
    expect(await sessionIds(browser)).toEqual(expected)
    expect(await listedIds(browser)).toEqual(expected)
  })

  it('a one-time-only session after its grant has ended: neither lists it', async () => {
    const { browser, store, clock } = bffOverSim(world, { config: longSessions })
    const id = await connect(browser, { kind: 'ais', oneTime: true })
    expect((await stored(browser, store)).oneTimeOnly).toBe(true)
    expect(await sessionIds(browser)).toEqual([id])
    expect(await listedIds(browser)).toEqual([id])

    clock.advance(2 * HOUR)
    // The session is asked first: it alone must drop the ended grant.
    expect(await sessionIds(browser)).toEqual([])
    expect((await stored(browser, store)).oneTime).toHaveLength(0)
    expect(await listedIds(browser)).toEqual([])
  })
})
