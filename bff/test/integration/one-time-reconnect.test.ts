/**
 * Reconnecting a one-time connection (issue 5): `POST /api/connect` with `kind: 'reauth'` and a
 * one-time grant's connection id starts a new one-time connect to the same bank, whose callback
 * replaces the old grant; `reconsent` (and `refresh`) of one is refused; a connection id the
 * session does not hold answers `connection_not_found` with no upstream call.
 */
import { denyConsent, MOCK_BANK_ID } from '@mhkit/sim'
import {
  connectResponseSchema,
  errorBodySchema,
  flowResponseSchema,
  type ConnectRequestInput,
  type ErrorBody,
} from '@mhkit/shared'
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { randomBytes } from 'node:crypto'

import { isMoneyhubError } from '../../src/moneyhub'
import { hashId } from '../../src/session/ids'
import { createSealer } from '../../src/session/sealer'
import type { TestBrowser } from '../support/browser'
import { accountIdsOf, connectAndApprove, connectionsOf, storedSession } from '../support/bff-flows'
import { bffOverSim, callbackPath, startSimWorld, type SimWorld } from '../support/sim-harness'

const SESSION_COOKIE = '__Host-mhkit-session'
const LIST_CONNECTIONS = 'GET /users/:id/connections'
const REVOCATION = 'oidc /token/revocation'
const HOUR = 60 * 60 * 1000

let world: SimWorld

beforeAll(async () => {
  world = await startSimWorld()
})

afterAll(async () => {
  await world.close()
})

/** Starts a flow and answers its authorisation URL and flow id. */
async function start(
  browser: TestBrowser,
  body: ConnectRequestInput,
): Promise<{ url: string; flowId: string }> {
  const res = await browser.send('POST', '/api/connect', body)
  expect(res.status, await res.clone().text()).toBe(200)
  return connectResponseSchema.parse(await res.json())
}

async function errorOf(res: Response): Promise<ErrorBody['error']> {
  return errorBodySchema.parse(await res.json()).error
}

const bankOf = (connectionId: string) => connectionId.split(':')[0]

/** The request objects of the PARs the BFF sent since wire entry `from` (decoded, unverified). */
function parRequestObjects(from: number): Record<string, unknown>[] {
  return world.wire
    .slice(from)
    .map((body) => new URLSearchParams(body).get('request'))
    .filter((jwt): jwt is string => jwt !== null && jwt.split('.').length === 3)
    .map((jwt) => decodeJwt(jwt))
}

async function counters(): Promise<Record<string, number>> {
  return world.sim.admin.counters()
}

describe('POST /api/connect reauth of a one-time connection', () => {
  it('starts a new one-time connect to the same bank; once approved the connection is readable again and listed once', async () => {
    const key = randomBytes(32)
    const { browser, store, moneyhub } = bffOverSim(world, { key })
    const old = await connectAndApprove(browser, { kind: 'ais', oneTime: true })
    const before = await storedSession(browser, store)
    expect(before.oneTime.map((g) => g.connectionId)).toEqual([old])
    const oldToken = createSealer(key).open(
      before.oneTime[0]?.accessToken ?? '',
      hashId(browser.cookies.get(SESSION_COOKIE) ?? ''),
    )
    // A one-time connection is offered Reconnect (reauth), never the reconsent journey.
    const [shown] = await connectionsOf(browser)
    expect(shown?.id).toBe(old)
    expect(shown?.status).toBe('expiring')
    expect(shown?.reconsentAvailable).toBe(false)

    await world.sim.admin.resetCounters()
    const wireFrom = world.wire.length
    const fresh = await connectAndApprove(browser, { kind: 'reauth', connectionId: old })
    const calls = await counters()
    // A one-time AIS request to that bank (data scopes, `sub` with no value), not `openid reauth`.
    const [par, ...more] = parRequestObjects(wireFrom)
    expect(more).toEqual([])
    const scopes = String(par?.scope).split(' ')
    expect(scopes).toEqual(expect.arrayContaining(['openid', `id:${bankOf(old)}`, 'accounts:read']))
    expect(scopes).not.toContain('reauth')
    const idTokenClaims = (par?.claims as { id_token?: Record<string, unknown> }).id_token
    expect(idTokenClaims?.sub).toEqual({ essential: true })
    expect(idTokenClaims?.['mh:con_id']).toEqual({ essential: true })
    // One new consent (PAR) with its own code exchange; no token-for-user on the way.
    expect(calls.par).toBe(1)
    expect(calls['token:authorization_code']).toBe(1)
    expect(calls['token:client_credentials'] ?? 0).toBe(0)
    // The replaced grant's token (an access token, no refresh token) is revoked: it reads nothing.
    expect(calls[REVOCATION]).toBe(1)
    const refused = await moneyhub.getAccounts({ accessToken: oldToken }).then(
      () => undefined,
      (error: unknown) => error,
    )
    expect(isMoneyhubError(refused, 'unauthorized')).toBe(true)
    expect(bankOf(fresh)).toBe(bankOf(old))

    const after = await storedSession(browser, store)
    // The new grant replaced the old one; the session stays one-time-only, same user.
    expect(after.oneTime.map((g) => g.connectionId)).toEqual([fresh])
    expect(after.oneTimeOnly).toBe(true)
    expect(after.sub).toBe(before.sub)
    expect(fresh).not.toBe(old)
    expect(after.connectionIds).not.toContain(old)

    const list = await connectionsOf(browser)
    expect(list.map((c) => c.id)).toEqual([fresh])
    // Listed until the new grant's access ends.
    const newEnd = after.oneTime[0]?.expiresAt ?? 0
    expect(list[0]?.consentExpiresAt).toBe(new Date(newEnd).toISOString())
    expect(list[0]?.reconsentAvailable).toBe(false)

    // Read with the new grant (the only one the session holds): the connection's accounts.
    expect(list[0]?.accountIds.length).toBeGreaterThan(0)
    expect((await accountIdsOf(browser)).sort()).toEqual([...(list[0]?.accountIds ?? [])].sort())
  })

  it('replaces only that grant for a signed-in user: the ongoing connection stays, each listed once', async () => {
    const { browser, store } = bffOverSim(world)
    const ongoing = await connectAndApprove(browser, { kind: 'ais' })
    const old = await connectAndApprove(browser, { kind: 'ais', oneTime: true })
    const user = (await storedSession(browser, store)).sub

    const fresh = await connectAndApprove(browser, { kind: 'reauth', connectionId: old })
    expect(fresh).not.toBe(old)
    const data = await storedSession(browser, store)
    expect(data.sub).toBe(user)
    expect(data.oneTimeOnly).toBeUndefined()
    expect(data.oneTime.map((g) => g.connectionId)).toEqual([fresh])
    expect(data.connectionIds).toContain(ongoing)
    expect(data.connectionIds).not.toContain(old)

    const ids = (await connectionsOf(browser)).map((c) => c.id)
    expect(ids).toHaveLength(2)
    expect(ids).toEqual(expect.arrayContaining([ongoing, fresh]))
  })

  it('keeps the old grant when the new consent is denied', async () => {
    const { browser, store } = bffOverSim(world)
    const old = await connectAndApprove(browser, { kind: 'ais', oneTime: true })
    const accounts = await accountIdsOf(browser)

    await world.sim.admin.resetCounters()
    const { url, flowId } = await start(browser, { kind: 'reauth', connectionId: old })
    await browser.navigate(callbackPath(await denyConsent(url, { bankId: MOCK_BANK_ID })))
    const flow = flowResponseSchema.parse(await (await browser.get(`/api/flows/${flowId}`)).json())
    expect(flow.status).toBe('failed')
    expect(flow.error?.code).toBe('access_denied')

    expect((await storedSession(browser, store)).oneTime.map((g) => g.connectionId)).toEqual([old])
    expect((await counters())[REVOCATION] ?? 0).toBe(0)
    expect((await connectionsOf(browser)).map((c) => c.id)).toEqual([old])
    expect((await accountIdsOf(browser)).sort()).toEqual([...accounts].sort())
  })
})

describe('POST /api/connect reconsent or refresh of a one-time connection', () => {
  it('refuses reconsent (and refresh) with invalid_request on kind, before any upstream call', async () => {
    const { browser, store } = bffOverSim(world)
    await connectAndApprove(browser, { kind: 'ais' })
    const old = await connectAndApprove(browser, { kind: 'ais', oneTime: true })

    await world.sim.admin.resetCounters()
    for (const body of [
      { kind: 'reconsent', connectionId: old },
      {
        kind: 'reconsent',
        connectionId: old,
        consent: { expirationDateTime: new Date(Date.now() + 7 * 24 * HOUR).toISOString() },
      },
      { kind: 'refresh', connectionId: old },
    ] satisfies ConnectRequestInput[]) {
      const res = await browser.send('POST', '/api/connect', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      const error = await errorOf(res)
      expect(error.code).toBe('invalid_request')
      expect(error.issues?.map((i) => i.path)).toEqual(['kind'])
      expect(error.issues?.[0]?.message).toContain('use reauth')
    }
    // No PAR, not even a listing.
    expect(await counters()).toEqual({})
    expect((await storedSession(browser, store)).oneTime.map((g) => g.connectionId)).toEqual([old])
  })
})

describe('POST /api/connect on a connection the session does not hold', () => {
  it('answers connection_not_found with zero upstream calls for a one-time-only session', async () => {
    const owner = bffOverSim(world)
    const theirs = await connectAndApprove(owner.browser, { kind: 'ais', oneTime: true })
    const { browser } = bffOverSim(world)
    await connectAndApprove(browser, { kind: 'ais', oneTime: true })

    await world.sim.admin.resetCounters()
    for (const kind of ['reauth', 'reconsent', 'refresh'] as const) {
      const res = await browser.send('POST', '/api/connect', { kind, connectionId: theirs })
      expect(res.status).toBe(404)
      expect((await errorOf(res)).code).toBe('connection_not_found')
    }
    // A malformed id is refused by the schema, before any upstream call as well.
    const bad = await browser.send('POST', '/api/connect', {
      kind: 'reauth',
      connectionId: `${bankOf(theirs)}:not-a-uuid`,
    })
    expect(bad.status).toBe(400)
    expect((await errorOf(bad)).code).toBe('invalid_request')
    expect(await counters()).toEqual({})

    // The owner's grant is untouched.
    expect((await connectionsOf(owner.browser)).map((c) => c.id)).toEqual([theirs])
  })

  it('answers connection_not_found without a PAR for a signed-in user', async () => {
    const owner = bffOverSim(world)
    await connectAndApprove(owner.browser, { kind: 'ais' })
    const theirs = await connectAndApprove(owner.browser, { kind: 'ais', oneTime: true })
    const { browser } = bffOverSim(world)
    await connectAndApprove(browser, { kind: 'ais' })

    await world.sim.admin.resetCounters()
    const res = await browser.send('POST', '/api/connect', { kind: 'reauth', connectionId: theirs })
    expect(res.status).toBe(404)
    expect((await errorOf(res)).code).toBe('connection_not_found')
    // Only the user's own listing (ongoing access needs it); no PAR was sent.
    const calls = await counters()
    expect(calls[LIST_CONNECTIONS]).toBeGreaterThan(0)
    expect(calls.par ?? 0).toBe(0)
  })
})
