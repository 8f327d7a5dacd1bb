import { approveConsent, MOCK_BANK_ID } from '@mhkit/sim'
import {
  accountListResponseSchema,
  connectResponseSchema,
  sessionResponseSchema,
} from '@mhkit/shared'
import { hc } from 'hono/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AppType } from '../../src/app'
import { hashId } from '../../src/session/ids'
import type { SessionData } from '../../src/session/sessions'
import type { UserBinding } from '../../src/user-binding'
import { bffOverSim, callbackPath, startSimWorld, type SimWorld } from '../support/sim-harness'
import { APP_ORIGIN } from '../support/test-app'

let world: SimWorld

beforeAll(async () => {
  world = await startSimWorld()
})

afterAll(async () => {
  await world.close()
})

describe('one-time access', () => {
  it('keeps the code-exchange tokens server-side, sealed, and reads the data', async () => {
    const { browser, store } = bffOverSim(world)
    const res = await browser.send('POST', '/api/connect', { kind: 'ais', oneTime: true })
    expect(res.status).toBe(200)
    const { url, flowId } = connectResponseSchema.parse(await res.json())
    expect(
      (await browser.navigate(callbackPath(await approveConsent(url, { bankId: MOCK_BANK_ID }))))
        .status,
    ).toBe(303)
    const flow = (await (await browser.get(`/api/flows/${flowId}`)).json()) as { status: string }
    expect(flow.status).toBe('succeeded')

    const sessionId = browser.cookies.get('__Host-mhkit-session') ?? ''
    const raw = (await store.get(`sess:${hashId(sessionId)}`)) ?? ''
    const data = JSON.parse(raw) as SessionData
    expect(data.oneTime).toHaveLength(1)
    expect(data.oneTime[0]?.accessToken.startsWith('v1.')).toBe(true)
    // The stored record holds no token in the clear.
    const tokens = world.wire
      .map((w) => {
        try {
          return (JSON.parse(w) as { access_token?: string }).access_token
        } catch {
          return undefined
        }
      })
      .filter((t): t is string => typeof t === 'string')
    for (const token of tokens) expect(raw.includes(token)).toBe(false)

    // The data is read with the consent's own access token: no client_credentials token (the
    // simulator would accept one for this sub too, so only the counter tells the paths apart).
    const ccBefore = (await world.sim.admin.counters())['token:client_credentials'] ?? 0
    const accounts = await browser.get('/api/accounts')
    expect(accounts.status).toBe(200)
    expect(accountListResponseSchema.parse(await accounts.json()).data.length).toBeGreaterThan(0)
    expect((await world.sim.admin.counters())['token:client_credentials'] ?? 0).toBe(ccBefore)
  })
})

describe('user binding', () => {
  it('a host app can bind the Moneyhub user to its own signed-in user', async () => {
    // The host app's own user store, keyed by its own sign-in (here a header it trusts).
    const hostUsers = new Map<string, string>()
    const binding: UserBinding = {
      get: (c) => Promise.resolve(hostUsers.get(c.req.header('x-host-user') ?? '')),
      set(c, sub) {
        // The callback is a navigation; the host app finds its user from its own cookie there.
        hostUsers.set(c.req.header('x-host-user') ?? 'alice', sub)
        return Promise.resolve()
      },
    }
    const { app } = bffOverSim(world, { userBinding: binding })
    const headers = {
      'X-CSRF': '1',
      Origin: APP_ORIGIN,
      'Content-Type': 'application/json',
      'x-host-user': 'alice',
    }
    const start = await app.request('/api/connect', {
      method: 'POST',
      headers,
      body: '{"kind":"ais"}',
    })
    const tx = (start.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
    const { url } = connectResponseSchema.parse(await start.json())
    const back = callbackPath(await approveConsent(url, { bankId: MOCK_BANK_ID }))
    expect(
      (await app.request(back, { headers: { Cookie: tx, 'x-host-user': 'alice' } })).status,
    ).toBe(303)
    expect(hostUsers.get('alice')).toMatch(/^[A-Za-z0-9_-]+$/)

    // Alice's data is found through the host binding alone, with no BFF session cookie.
    const me = sessionResponseSchema.parse(
      await (
        await app.request('/api/session', { headers: { 'X-CSRF': '1', 'x-host-user': 'alice' } })
      ).json(),
    )
    expect(me).toMatchObject({ authenticated: true, user: { id: hostUsers.get('alice') } })
    const bob = await app.request('/api/accounts', {
      headers: { 'X-CSRF': '1', 'x-host-user': 'bob' },
    })
    expect(bob.status).toBe(401)
  })
})

describe('typed client', () => {
  it('hc<AppType> calls the BFF with typed routes', async () => {
    const { app } = bffOverSim(world)
    const client = hc<AppType>('http://bff.test', {
      fetch: (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
        app.request(input instanceof Request ? input : String(input), init),
      headers: { 'X-CSRF': '1' },
    })
    const res = await client.api.session.$get()
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.authenticated).toBe(false)
  })
})
