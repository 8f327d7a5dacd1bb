/**
 * `GET /api/connections` and `DELETE /api/connections/:id` with one-time access (issue 5): a
 * one-time grant's connection is listed and disconnected whether the session's user came from
 * one-time connects alone or is a signed-in user whose one-time consent has its own Moneyhub
 * user; a connection the session does not hold is never touched upstream.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { randomBytes } from 'node:crypto'

import { isMoneyhubError } from '../../src/moneyhub'
import { hashId } from '../../src/session/ids'
import { createSealer } from '../../src/session/sealer'
import type { TestBrowser } from '../support/browser'
import { accountIdsOf, connectAndApprove, connectionsOf, storedSession } from '../support/bff-flows'
import { bffOverSim, startSimWorld, type SimWorld } from '../support/sim-harness'
import { codeOf } from '../support/error-code'

const SESSION_COOKIE = '__Host-mhkit-session'
const LIST_CONNECTIONS = 'GET /users/:id/connections'
const DELETE_CONNECTION = 'DELETE /users/:id/connection/:connectionId'
const REVOCATION = 'oidc /token/revocation'
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

async function counter(key: string): Promise<number> {
  return (await world.sim.admin.counters())[key] ?? 0
}

const del = (browser: TestBrowser, id: string) =>
  browser.send('DELETE', `/api/connections/${encodeURIComponent(id)}`)

describe('GET /api/connections with one-time grants', () => {
  it('lists a one-time-only session’s connection once, expiring when its access token ends', async () => {
    const { browser, store } = bffOverSim(world)
    const id = await connectAndApprove(browser, { kind: 'ais', oneTime: true })
    const grant = (await storedSession(browser, store)).oneTime[0]
    expect(grant?.refreshToken).toBeUndefined()

    const list = await connectionsOf(browser)
    expect(list.map((c) => c.id)).toEqual([id])
    const [conn] = list
    // No refresh token: the session reads it until the access token ends, before the consent.
    expect(conn?.consentExpiresAt).toBe(new Date(grant?.expiresAt ?? 0).toISOString())
    expect(conn?.status).toBe('expiring')
    expect(conn?.reconsentAvailable).toBe(false)
    expect(conn?.accountIds.length).toBeGreaterThan(0)
    expect(await accountIdsOf(browser)).toEqual(expect.arrayContaining(conn?.accountIds ?? []))
  })

  it('lists a signed-in user’s ongoing connections and the one-time grant of another Moneyhub user, each once', async () => {
    const { browser, store } = bffOverSim(world)
    const ongoing = await connectAndApprove(browser, { kind: 'ais' })
    const oneTime = await connectAndApprove(browser, { kind: 'ais', oneTime: true })
    const data = await storedSession(browser, store)
    expect(data.oneTime[0]?.sub).not.toBe(data.sub)

    const list = await connectionsOf(browser)
    const ids = list.map((c) => c.id)
    expect(ids).toHaveLength(2)
    expect(ids).toEqual(expect.arrayContaining([ongoing, oneTime]))
    expect(list.find((c) => c.id === ongoing)?.status).toBe('active')
    const shown = list.find((c) => c.id === oneTime)
    expect(shown?.consentExpiresAt).toBe(new Date(data.oneTime[0]?.expiresAt ?? 0).toISOString())
    expect(shown?.reconsentAvailable).toBe(false)
  })

  it('stops listing a one-time connection whose access has ended, and forgets the grant', async () => {
    const { browser, store, clock } = bffOverSim(world, { config: longSessions })
    const ongoing = await connectAndApprove(browser, { kind: 'ais' })
    await connectAndApprove(browser, { kind: 'ais', oneTime: true })
    expect(await connectionsOf(browser)).toHaveLength(2)

    clock.advance(2 * HOUR)
    expect((await connectionsOf(browser)).map((c) => c.id)).toEqual([ongoing])
    expect((await storedSession(browser, store)).oneTime).toHaveLength(0)
  })
})

describe('DELETE /api/connections/:id on a one-time connection', () => {
  it('deletes a signed-in user’s one-time connection upstream, forgets the grant and keeps the rest', async () => {
    const key = randomBytes(32)
    const { browser, store, moneyhub } = bffOverSim(world, { key })
    const ongoing = await connectAndApprove(browser, { kind: 'ais' })
    const ongoingAccounts = await accountIdsOf(browser)
    const oneTime = await connectAndApprove(browser, { kind: 'ais', oneTime: true })
    const grant = (await storedSession(browser, store)).oneTime[0]
    const grantUser = grant?.sub ?? ''
    const sessionId = browser.cookies.get(SESSION_COOKIE) ?? ''
    const token = createSealer(key).open(grant?.accessToken ?? '', hashId(sessionId))
    expect((await moneyhub.getAccounts({ accessToken: token })).data.length).toBeGreaterThan(0)

    const [deletes, revocations] = [await counter(DELETE_CONNECTION), await counter(REVOCATION)]
    const res = await del(browser, oneTime)
    expect(res.status, await res.clone().text()).toBe(204)
    expect(await counter(DELETE_CONNECTION)).toBe(deletes + 1)
    // The grant's own token is revoked too (one access token, no refresh token).
    expect(await counter(REVOCATION)).toBe(revocations + 1)

    const data = await storedSession(browser, store)
    expect(data.oneTime).toHaveLength(0)
    expect(data.connectionIds).not.toContain(oneTime)
    expect(data.connectionIds).toContain(ongoing)
    expect((await moneyhub.listConnections(grantUser)).map((c) => c.id)).not.toContain(oneTime)
    // The consent's own token reads nothing any more.
    const refused = await moneyhub.getAccounts({ accessToken: token }).then(
      () => undefined,
      (error: unknown) => error,
    )
    expect(isMoneyhubError(refused, 'unauthorized')).toBe(true)
    // The user's ongoing connection and its data stay.
    expect((await connectionsOf(browser)).map((c) => c.id)).toEqual([ongoing])
    expect((await accountIdsOf(browser)).sort()).toEqual([...ongoingAccounts].sort())
  })

  it('disconnects a one-time-only session’s connection: nothing left to list or read', async () => {
    const { browser, store } = bffOverSim(world)
    const id = await connectAndApprove(browser, { kind: 'ais', oneTime: true })
    const user = (await storedSession(browser, store)).sub ?? ''

    const deletes = await counter(DELETE_CONNECTION)
    const res = await del(browser, id)
    expect(res.status, await res.clone().text()).toBe(204)
    expect(await counter(DELETE_CONNECTION)).toBe(deletes + 1)
    expect((await storedSession(browser, store)).oneTime).toHaveLength(0)
    expect(await connectionsOf(browser)).toEqual([])
    const accounts = await browser.get('/api/accounts')
    expect(accounts.status).toBe(403)
    expect(await codeOf(accounts)).toBe('consent_expired')
    // A second delete finds nothing the session holds.
    const again = await del(browser, id)
    expect(again.status).toBe(404)
    expect(await codeOf(again)).toBe('connection_not_found')
    expect(user).not.toBe('')
  })

  it('answers connection_not_found with no upstream call for a connection the session does not hold', async () => {
    const owner = bffOverSim(world)
    const theirs = await connectAndApprove(owner.browser, { kind: 'ais', oneTime: true })
    const { browser } = bffOverSim(world)
    await connectAndApprove(browser, { kind: 'ais', oneTime: true })

    await world.sim.admin.resetCounters()
    const res = await del(browser, theirs)
    expect(res.status).toBe(404)
    expect(await codeOf(res)).toBe('connection_not_found')
    // Not even a listing: a one-time-only session holds nothing but its grants.
    expect(await world.sim.admin.counters()).toEqual({})

    // A malformed id is refused before any upstream call as well.
    const bad = await browser.send('DELETE', '/api/connections/not%20an%20id')
    expect(bad.status).toBe(400)
    expect(await codeOf(bad)).toBe('invalid_request')
    expect(await world.sim.admin.counters()).toEqual({})

    // The owner still has it.
    expect((await connectionsOf(owner.browser)).map((c) => c.id)).toEqual([theirs])
  })

  it('never deletes another session’s one-time connection for a signed-in user', async () => {
    const owner = bffOverSim(world)
    await connectAndApprove(owner.browser, { kind: 'ais' })
    const theirs = await connectAndApprove(owner.browser, { kind: 'ais', oneTime: true })
    const { browser } = bffOverSim(world)
    await connectAndApprove(browser, { kind: 'ais' })
    await connectAndApprove(browser, { kind: 'ais', oneTime: true })

    const deletes = await counter(DELETE_CONNECTION)
    const res = await del(browser, theirs)
    expect(res.status).toBe(404)
    expect(await codeOf(res)).toBe('connection_not_found')
    expect(await counter(DELETE_CONNECTION)).toBe(deletes)
    expect((await connectionsOf(owner.browser)).map((c) => c.id)).toContain(theirs)
    expect(await counter(LIST_CONNECTIONS)).toBeGreaterThan(0)
  })
})
