/**
 * Routes and session rules the main flow tests leave out: a new login ends the earlier session
 * (checklist S4), `kind: 'refresh'` end to end, deleting someone else's connection, and
 * `GET /readyz` when everything answers.
 */
import { approveConsent, MOCK_BANK_ID } from '@mhkit/sim'
import {
  connectionListResponseSchema,
  connectResponseSchema,
  errorBodySchema,
  flowResponseSchema,
  sessionResponseSchema,
  type ConnectRequestInput,
} from '@mhkit/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestBrowser } from '../support/browser'
import { bffOverSim, callbackPath, startSimWorld, type SimWorld } from '../support/sim-harness'

const SESSION_COOKIE = '__Host-mhkit-session'
const DELETE_CONNECTION = 'DELETE /users/:id/connection/:connectionId'

let world: SimWorld

beforeAll(async () => {
  world = await startSimWorld()
})

afterAll(async () => {
  await world.close()
})

/** Start, approve at the bank, come back through the callback; the flow's outcome. */
async function connect(browser: TestBrowser, body: ConnectRequestInput = { kind: 'ais' }) {
  const res = await browser.send('POST', '/api/connect', body)
  expect(res.status, await res.clone().text()).toBe(200)
  const { url, flowId } = connectResponseSchema.parse(await res.json())
  const back = await approveConsent(url, { bankId: MOCK_BANK_ID })
  expect((await browser.navigate(callbackPath(back))).status).toBe(303)
  return flowResponseSchema.parse(await (await browser.get(`/api/flows/${flowId}`)).json())
}

async function errorCode(res: Response): Promise<string> {
  return errorBodySchema.parse(await res.json()).error.code
}

async function connectionIds(browser: TestBrowser): Promise<string[]> {
  const res = await browser.get('/api/connections')
  expect(res.status).toBe(200)
  return connectionListResponseSchema.parse(await res.json()).data.map((c) => c.id)
}

describe('a new login destroys the earlier session (checklist S4)', () => {
  it('the first session cookie gets 401 session_expired after a second login', async () => {
    const { browser } = bffOverSim(world)
    await connect(browser)
    const first = browser.cookies.get(SESSION_COOKIE) ?? ''
    expect(first).not.toBe('')
    expect((await browser.get('/api/accounts')).status).toBe(200)

    expect((await connect(browser)).status).toBe('succeeded')
    const second = browser.cookies.get(SESSION_COOKIE) ?? ''
    expect(second).not.toBe(first)
    expect((await browser.get('/api/accounts')).status).toBe(200)

    browser.cookies.set(SESSION_COOKIE, first)
    const stale = await browser.get('/api/accounts')
    expect(stale.status).toBe(401)
    expect(await errorCode(stale)).toBe('session_expired')
    const me = sessionResponseSchema.parse(await (await browser.get('/api/session')).json())
    expect(me.authenticated).toBe(false)
  })
})

describe("POST /api/connect kind 'refresh'", () => {
  it('runs end to end on a connection of the user and keeps the user and connection', async () => {
    const { browser } = bffOverSim(world)
    const first = await connect(browser)
    const connectionId = first.result?.connectionId ?? ''
    expect(connectionId).not.toBe('')
    const user = sessionResponseSchema.parse(await (await browser.get('/api/session')).json()).user
      ?.id

    await world.sim.admin.resetCounters()
    const again = await connect(browser, { kind: 'refresh', connectionId })
    expect(again).toMatchObject({ status: 'succeeded', kind: 'refresh', result: { connectionId } })
    const counters = await world.sim.admin.counters()
    expect(counters.par).toBe(1)
    expect(counters['token:authorization_code']).toBe(1)

    const me = sessionResponseSchema.parse(await (await browser.get('/api/session')).json())
    expect(me.user?.id).toBe(user)
    expect(await connectionIds(browser)).toContain(connectionId)
  })
})

describe('DELETE /api/connections/:id', () => {
  it("answers 404 connection_not_found for another user's connection and deletes nothing upstream", async () => {
    const alice = bffOverSim(world).browser
    const aliceConnection = (await connect(alice)).result?.connectionId ?? ''
    const mallory = bffOverSim(world).browser
    const malloryConnection = (await connect(mallory)).result?.connectionId ?? ''
    expect(aliceConnection).not.toBe(malloryConnection)

    await world.sim.admin.resetCounters()
    const res = await mallory.send(
      'DELETE',
      `/api/connections/${encodeURIComponent(aliceConnection)}`,
    )
    expect(res.status).toBe(404)
    expect(await errorCode(res)).toBe('connection_not_found')
    expect((await world.sim.admin.counters())[DELETE_CONNECTION] ?? 0).toBe(0)
    expect(await connectionIds(alice)).toContain(aliceConnection)

    // The counter does count deletes: Mallory's own connection goes, with one upstream call.
    const own = await mallory.send(
      'DELETE',
      `/api/connections/${encodeURIComponent(malloryConnection)}`,
    )
    expect(own.status).toBe(204)
    expect((await world.sim.admin.counters())[DELETE_CONNECTION]).toBe(1)
  })
})

describe('GET /readyz', () => {
  it('answers 200 ready when discovery, the provider JWKS and the store answer', async () => {
    const { app } = bffOverSim(world)
    const res = await app.request('/readyz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      status: 'ready',
      checks: { discovery: true, jwks: true, store: true },
    })
  })
})
