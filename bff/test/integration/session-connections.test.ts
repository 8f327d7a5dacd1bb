/**
 * `GET /api/session` lists the same connections as `GET /api/connections` (issue 5): a
 * signed-in user's one-time connection under another Moneyhub user is in both, and a
 * one-time-only session's connection leaves both once its grant has ended.
 */
import { connectionListResponseSchema, sessionResponseSchema } from '@mhkit/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestBrowser } from '../support/browser'
import { connectAndApprove, storedSession } from '../support/bff-flows'
import { bffOverSim, startSimWorld, type SimWorld } from '../support/sim-harness'

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
    const ongoing = await connectAndApprove(browser, { kind: 'ais' })
    const oneTime = await connectAndApprove(browser, { kind: 'ais', oneTime: true })
    const data = await storedSession(browser, store)
    expect(data.oneTime[0]?.sub).toBeDefined()
    expect(data.oneTime[0]?.sub).not.toBe(data.sub)

    const expected = [ongoing, oneTime].sort()
    expect(await sessionIds(browser)).toEqual(expected)
    expect(await listedIds(browser)).toEqual(expected)
  })

  it('a one-time-only session after its grant has ended: neither lists it', async () => {
    const { browser, store, clock } = bffOverSim(world, { config: longSessions })
    const id = await connectAndApprove(browser, { kind: 'ais', oneTime: true })
    expect((await storedSession(browser, store)).oneTimeOnly).toBe(true)
    expect(await sessionIds(browser)).toEqual([id])
    expect(await listedIds(browser)).toEqual([id])

    clock.advance(2 * HOUR)
    // The session is asked first: it alone must drop the ended grant.
    expect(await sessionIds(browser)).toEqual([])
    expect((await storedSession(browser, store)).oneTime).toHaveLength(0)
    expect(await listedIds(browser)).toEqual([])
  })
})
