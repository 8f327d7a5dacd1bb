import { approveConsent, MOCK_BANK_ID } from '@mhkit/sim'
import {
  accountResponseSchema,
  connectResponseSchema,
  errorBodySchema,
  sessionResponseSchema,
  transactionPageSchema,
} from '@mhkit/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { randomBytes } from 'node:crypto'

import { hashId } from '../../src/session/ids'
import { createSealer } from '../../src/session/sealer'
import type { UserBinding } from '../../src/user-binding'
import { accountIdsOf, connectAndApprove, storedSession } from '../support/bff-flows'
import { bffOverSim, callbackPath, startSimWorld, type SimWorld } from '../support/sim-harness'
import { APP_ORIGIN } from '../support/test-app'

let world: SimWorld

beforeAll(async () => {
  world = await startSimWorld()
})

afterAll(async () => {
  await world.close()
})

const HOUR = 60 * 60 * 1000
// Long enough idle time that the fake clock can pass the one-time access token's hour.
const longSessions = { session: { idleMs: 6 * HOUR, absoluteMs: 12 * HOUR } }

async function clientCredentialsTokens(): Promise<number> {
  return (await world.sim.admin.counters())['token:client_credentials'] ?? 0
}

describe('one-time access reads with the consent’s own token', () => {
  it('reads accounts, one account and transactions without any client_credentials token', async () => {
    const { browser, store } = bffOverSim(world)
    const connectionId = await connectAndApprove(browser, { kind: 'ais', oneTime: true })
    const data = await storedSession(browser, store)
    expect(data.oneTimeOnly).toBe(true)
    expect(data.oneTime.map((g) => g.connectionId)).toEqual([connectionId])
    expect(data.oneTime[0]?.sub).toBe(data.sub)

    const before = await clientCredentialsTokens()
    const ids = await accountIdsOf(browser)
    expect(ids.length).toBeGreaterThan(0)
    const one = await browser.get(`/api/accounts/${ids[0] ?? ''}`)
    expect(one.status).toBe(200)
    expect(accountResponseSchema.parse(await one.json()).data.id).toBe(ids[0])
    const txs = await browser.get(`/api/transactions?accountId=${ids[0] ?? ''}&limit=5`)
    expect(txs.status, await txs.clone().text()).toBe(200)
    expect(transactionPageSchema.parse(await txs.json()).data.length).toBeGreaterThan(0)
    expect(await clientCredentialsTokens()).toBe(before)
  })

  it('answers consent_expired once the token has expired with no refresh token, and drops the grant', async () => {
    const { browser, store, clock } = bffOverSim(world, { config: longSessions })
    await connectAndApprove(browser, { kind: 'ais', oneTime: true })
    expect((await storedSession(browser, store)).oneTime).toHaveLength(1)
    expect((await storedSession(browser, store)).oneTime[0]?.refreshToken).toBeUndefined()

    clock.advance(2 * HOUR)
    const before = await clientCredentialsTokens()
    const res = await browser.get('/api/accounts')
    expect(res.status).toBe(403)
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('consent_expired')
    // Kept no longer than it can read: the expired token is gone from the session.
    expect((await storedSession(browser, store)).oneTime).toHaveLength(0)
    const txs = await browser.get('/api/transactions')
    expect(errorBodySchema.parse(await txs.json()).error.code).toBe('consent_expired')
    // No silent fallback to tokenForUser(sub).
    expect(await clientCredentialsTokens()).toBe(before)
  })

  it('a token the data API refuses ends the grant: consent_expired, one request, no fallback', async () => {
    const key = randomBytes(32)
    const { browser, store, moneyhub } = bffOverSim(world, { key })
    await connectAndApprove(browser, { kind: 'ais', oneTime: true })
    const grant = (await storedSession(browser, store)).oneTime[0]
    const sessionId = browser.cookies.get('__Host-mhkit-session') ?? ''
    const token = createSealer(key).open(grant?.accessToken ?? '', hashId(sessionId))
    expect((await moneyhub.revokeToken(token, 'access_token')).revoked).toBe(true)

    const counters = async () => {
      const all = await world.sim.admin.counters()
      return [all['GET /v3/accounts'] ?? 0, all['token:client_credentials'] ?? 0]
    }
    const [accountsBefore, ccBefore] = await counters()
    const res = await browser.get('/api/accounts')
    expect(res.status).toBe(403)
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('consent_expired')
    // The given token is not sent twice (nothing to re-token with), and not swapped for another.
    expect(await counters()).toEqual([(accountsBefore ?? 0) + 1, ccBefore])
    expect((await storedSession(browser, store)).oneTime).toHaveLength(0)
  })
})

describe('a signed-in user connects a bank for one-time access', () => {
  it('keeps the user and their connections, and adds the grant', async () => {
    const { browser, store } = bffOverSim(world)
    const ongoing = await connectAndApprove(browser, { kind: 'ais' })
    const user = sessionResponseSchema.parse(await (await browser.get('/api/session')).json()).user
      ?.id
    expect(user).toMatch(/^[A-Za-z0-9_-]+$/)
    const ongoingAccounts = await accountIdsOf(browser)

    const oneTime = await connectAndApprove(browser, { kind: 'ais', oneTime: true })
    const me = sessionResponseSchema.parse(await (await browser.get('/api/session')).json())
    expect(me.user?.id).toBe(user)
    expect(me.connections?.map((c) => c.id)).toContain(ongoing)
    const data = await storedSession(browser, store)
    expect(data.sub).toBe(user)
    expect(data.oneTimeOnly).toBeUndefined()
    // An ongoing connect reads with tokenForUser and holds no refresh token of its own.
    expect(data.refreshToken).toBeUndefined()
    expect(data.connectionIds).toEqual(expect.arrayContaining([ongoing, oneTime]))
    expect(data.oneTime.map((g) => g.connectionId)).toEqual([oneTime])
    expect(data.oneTime[0]?.sub).not.toBe(user)

    // Both kinds read together: the user's ongoing access and the one-time grant.
    const merged = await accountIdsOf(browser)
    expect(merged).toEqual(expect.arrayContaining(ongoingAccounts))
    const fromGrant = merged.filter((id) => !ongoingAccounts.includes(id))
    expect(fromGrant.length).toBeGreaterThan(0)
    const one = await browser.get(`/api/accounts/${fromGrant[0] ?? ''}`)
    expect(one.status, await one.clone().text()).toBe(200)
    const txs = await browser.get(`/api/transactions?accountId=${fromGrant[0] ?? ''}`)
    expect(txs.status).toBe(200)
    expect(transactionPageSchema.parse(await txs.json()).data.length).toBeGreaterThan(0)
  })

  it('leaves a host app’s binding on its user', async () => {
    const hostUsers = new Map<string, string>()
    const writes: string[] = []
    const binding: UserBinding = {
      get: (c) => Promise.resolve(hostUsers.get(c.req.header('x-host-user') ?? '')),
      set(c, sub) {
        writes.push(sub)
        hostUsers.set(c.req.header('x-host-user') ?? '', sub)
        return Promise.resolve()
      },
    }
    const { app } = bffOverSim(world, { userBinding: binding })
    const alice = { 'x-host-user': 'alice' }
    const connectAs = async (body: string) => {
      const start = await app.request('/api/connect', {
        method: 'POST',
        headers: {
          'X-CSRF': '1',
          Origin: APP_ORIGIN,
          'Content-Type': 'application/json',
          ...alice,
        },
        body,
      })
      expect(start.status).toBe(200)
      const tx = (start.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
      const { url } = connectResponseSchema.parse(await start.json())
      const back = callbackPath(await approveConsent(url, { bankId: MOCK_BANK_ID }))
      const res = await app.request(back, { headers: { Cookie: tx, ...alice } })
      expect(res.status).toBe(303)
    }
    await connectAs('{"kind":"ais"}')
    const aliceSub = hostUsers.get('alice')
    expect(aliceSub).toMatch(/^[A-Za-z0-9_-]+$/)

    await connectAs('{"kind":"ais","oneTime":true}')
    expect(hostUsers.get('alice')).toBe(aliceSub)
    expect(writes).toEqual([aliceSub])
  })
})
