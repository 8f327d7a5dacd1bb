import { approveConsent, denyConsent, MOCK_BANK_ID } from '@mhkit/sim'
import {
  accountListResponseSchema,
  bankListResponseSchema,
  connectionListResponseSchema,
  connectResponseSchema,
  errorBodySchema,
  flowResponseSchema,
  sessionResponseSchema,
  transactionPageSchema,
  type ConnectRequestInput,
} from '@mhkit/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { TestBrowser } from '../support/browser'
import type { MoneyhubClient } from '../../src/moneyhub'
import {
  bffOverSim,
  callbackPath,
  simMoneyhub,
  startSimWorld,
  type SimWorld,
} from '../support/sim-harness'

let world: SimWorld

beforeAll(async () => {
  world = await startSimWorld()
})

afterAll(async () => {
  await world.close()
})

async function start(browser: TestBrowser, body: ConnectRequestInput) {
  const res = await browser.send('POST', '/api/connect', body)
  expect(res.status, await res.clone().text()).toBe(200)
  return connectResponseSchema.parse(await res.json())
}

async function flow(browser: TestBrowser, flowId: string) {
  return flowResponseSchema.parse(await (await browser.get(`/api/flows/${flowId}`)).json())
}

/** Runs a whole connect flow: start, approve at the bank, come back through the callback. */
async function connect(browser: TestBrowser, body: ConnectRequestInput = { kind: 'ais' }) {
  const started = await start(browser, body)
  const back = await approveConsent(started.url, { bankId: MOCK_BANK_ID })
  const res = await browser.navigate(callbackPath(back))
  expect(res.status).toBe(303)
  return {
    started,
    location: res.headers.get('location') ?? '',
    outcome: await flow(browser, started.flowId),
  }
}

async function session(browser: TestBrowser) {
  return sessionResponseSchema.parse(await (await browser.get('/api/session')).json())
}

describe('seed flow 1: a new user connects a bank with ongoing access', () => {
  it('ends with a session for the Moneyhub user and reads data with no further redirect', async () => {
    const { browser } = bffOverSim(world)
    const { started, location, outcome } = await connect(browser, {
      kind: 'ais',
      returnTo: '/banks?tab=1',
    })
    expect(location).toBe(`/banks?tab=1&flow=${started.flowId}`)
    expect(outcome.status).toBe('succeeded')
    expect(outcome.result?.connectionId).toMatch(new RegExp(`^${MOCK_BANK_ID}:`))

    const me = await session(browser)
    expect(me.authenticated).toBe(true)
    expect(me.user?.id).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(me.connections?.map((c) => c.id)).toContain(outcome.result?.connectionId)

    await world.sim.admin.resetCounters()
    const accountsRes = await browser.get('/api/accounts')
    expect(accountsRes.status, await accountsRes.clone().text()).toBe(200)
    const accounts = accountListResponseSchema.parse(await accountsRes.json())
    expect(accounts.data.length).toBeGreaterThan(0)
    const one = await browser.get(`/api/accounts/${accounts.data[0]?.id ?? ''}`)
    expect(one.status).toBe(200)
    const page = transactionPageSchema.parse(
      await (await browser.get('/api/transactions?limit=5')).json(),
    )
    expect(page.page.limit).toBe(5)
    const connections = connectionListResponseSchema.parse(
      await (await browser.get('/api/connections')).json(),
    )
    expect(connections.data[0]?.id).toBe(outcome.result?.connectionId)

    const counters = await world.sim.admin.counters()
    // Data reads use client_credentials + sub (cached), never another authorisation.
    expect(counters.auth ?? 0).toBe(0)
    expect(counters.par ?? 0).toBe(0)
    expect(counters['token:client_credentials']).toBeGreaterThanOrEqual(1)
    expect(counters['token:client_credentials']).toBeLessThanOrEqual(3)
  })
})

describe('seed flow 2: a known user connects another bank', () => {
  it('asks for the known sub, keeps the user and issues a new session id', async () => {
    const { browser } = bffOverSim(world)
    const first = await connect(browser)
    const user = (await session(browser)).user?.id
    const firstCookie = browser.cookies.get('__Host-mhkit-session')

    const second = await connect(browser, { kind: 'ais' })
    expect(second.outcome.status).toBe('succeeded')
    const me = await session(browser)
    expect(me.user?.id).toBe(user)
    expect(browser.cookies.get('__Host-mhkit-session')).not.toBe(firstCookie)
    expect(me.connections?.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        first.outcome.result?.connectionId,
        second.outcome.result?.connectionId,
      ]),
    )
  })
})

describe('two tabs of one browser connect a bank at the same time', () => {
  it('ends with one user holding both banks', async () => {
    const { browser } = bffOverSim(world)
    // Both tabs start before either comes back (the race itself: first-connect-users.test.ts).
    const a = await start(browser, { kind: 'ais' })
    const b = await start(browser, { kind: 'ais' })
    const backA = await approveConsent(a.url, { bankId: MOCK_BANK_ID })
    const backB = await approveConsent(b.url, { bankId: MOCK_BANK_ID })
    expect((await browser.navigate(callbackPath(backA))).status).toBe(303)
    expect((await browser.navigate(callbackPath(backB))).status).toBe(303)
    const outcomes = [await flow(browser, a.flowId), await flow(browser, b.flowId)]
    expect(outcomes.map((o) => o.status)).toEqual(['succeeded', 'succeeded'])

    const me = await session(browser)
    expect(me.connections?.map((c) => c.id)).toEqual(
      expect.arrayContaining(outcomes.map((o) => o.result?.connectionId)),
    )
    expect(me.connections).toHaveLength(2)
  })

  it('asks a new browser for no user before its request is known to be good', async () => {
    const { browser } = bffOverSim(world)
    await world.sim.admin.resetCounters()
    const res = await browser.send('POST', '/api/connect', {
      kind: 'ais',
      consent: { expirationDateTime: '2999-01-01T00:00:00.000Z' },
    })
    expect(res.status).toBe(400)
    expect(await world.sim.admin.counters()).toEqual({})
  })
})

describe('existing connections', () => {
  it('re-authorises a connection of the session (reauth)', async () => {
    const { browser } = bffOverSim(world)
    const first = await connect(browser)
    const connectionId = first.outcome.result?.connectionId ?? ''
    const again = await connect(browser, { kind: 'reauth', connectionId })
    expect(again.outcome).toMatchObject({
      status: 'succeeded',
      kind: 'reauth',
      result: { connectionId },
    })
  })

  it('renews consent on a connection (reconsent)', async () => {
    const { browser, clock } = bffOverSim(world)
    const first = await connect(browser)
    const connectionId = first.outcome.result?.connectionId ?? ''
    const expirationDateTime = new Date(clock.now() + 30 * 86_400_000).toISOString()
    const again = await connect(browser, {
      kind: 'reconsent',
      connectionId,
      consent: { expirationDateTime },
    })
    expect(again.outcome).toMatchObject({
      status: 'succeeded',
      kind: 'reconsent',
      result: { connectionId },
    })
  })

  it('refuses reauth of a connection that is not the user’s, before any PAR', async () => {
    const { browser } = bffOverSim(world)
    await connect(browser)
    await world.sim.admin.resetCounters()
    const res = await browser.send('POST', '/api/connect', {
      kind: 'reauth',
      connectionId: `${MOCK_BANK_ID}:0f1aa7c1-6379-483a-bfd8-ae0a208fb635`,
    })
    expect(res.status).toBe(404)
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('connection_not_found')
    expect((await world.sim.admin.counters()).par ?? 0).toBe(0)
  })

  it('deletes a connection of the user', async () => {
    const { browser } = bffOverSim(world)
    const first = await connect(browser)
    const id = first.outcome.result?.connectionId ?? ''
    const res = await browser.send('DELETE', `/api/connections/${encodeURIComponent(id)}`)
    expect(res.status).toBe(204)
    const list = connectionListResponseSchema.parse(
      await (await browser.get('/api/connections')).json(),
    )
    expect(list.data.map((c) => c.id)).not.toContain(id)
  })
})

describe('failures and replays', () => {
  it('records access_denied when the user denies at the bank', async () => {
    const { browser } = bffOverSim(world)
    const started = await start(browser, { kind: 'ais' })
    const back = await denyConsent(started.url, { bankId: MOCK_BANK_ID })
    const res = await browser.navigate(callbackPath(back))
    expect(res.status).toBe(303)
    expect(await flow(browser, started.flowId)).toMatchObject({
      status: 'failed',
      error: { code: 'access_denied' },
    })
    expect((await session(browser)).authenticated).toBe(false)
  })

  it('answers a replayed callback with the stored outcome and never exchanges the code twice', async () => {
    const { browser } = bffOverSim(world)
    const started = await start(browser, { kind: 'ais' })
    const back = callbackPath(await approveConsent(started.url, { bankId: MOCK_BANK_ID }))
    await world.sim.admin.resetCounters()
    const first = await browser.navigate(back)
    const second = await browser.navigate(back)
    expect(second.status).toBe(303)
    expect(second.headers.get('location')).toBe(first.headers.get('location'))
    expect((await world.sim.admin.counters())['token:authorization_code']).toBe(1)
    expect((await flow(browser, started.flowId)).status).toBe('succeeded')
  })

  it('two concurrent callbacks for one flow exchange the code once and both return to the app', async () => {
    const { browser } = bffOverSim(world)
    const started = await start(browser, { kind: 'ais' })
    const back = callbackPath(await approveConsent(started.url, { bankId: MOCK_BANK_ID }))
    await world.sim.admin.resetCounters()
    const [a, b] = await Promise.all([browser.navigate(back), browser.navigate(back)])
    expect(a.status).toBe(303)
    expect(b.status).toBe(303)
    expect(a.headers.get('location')).toBe(b.headers.get('location'))
    expect((await world.sim.admin.counters())['token:authorization_code']).toBe(1)
    expect((await flow(browser, started.flowId)).status).toBe('succeeded')
  })

  it('refuses a callback in a browser that did not start the flow, consuming and exchanging nothing', async () => {
    const starter = bffOverSim(world)
    const started = await start(starter.browser, { kind: 'ais' })
    const back = callbackPath(await approveConsent(started.url, { bankId: MOCK_BANK_ID }))
    const binding = starter.browser.cookies.get('__Host-mhkit-tx') ?? ''
    starter.browser.cookies.delete('__Host-mhkit-tx')
    await world.sim.admin.resetCounters()
    const res = await starter.browser.navigate(back)
    // That browser cannot read the flow either (flow-ownership.test.ts): it gets the code alone.
    expect(res.status).toBe(400)
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('state_mismatch')
    expect((await world.sim.admin.counters())['token:authorization_code'] ?? 0).toBe(0)
    // Nothing was consumed: the flow waits for its own browser, which completes it.
    starter.browser.cookies.set('__Host-mhkit-tx', binding)
    expect((await flow(starter.browser, started.flowId)).status).toBe('pending')
    expect((await starter.browser.navigate(back)).status).toBe(303)
    expect((await flow(starter.browser, started.flowId)).status).toBe('succeeded')
  })

  it('a tampered state is refused with state_mismatch and no code exchange', async () => {
    const { browser } = bffOverSim(world)
    const started = await start(browser, { kind: 'ais' })
    const back = new URL(await approveConsent(started.url, { bankId: MOCK_BANK_ID }))
    back.searchParams.set('state', 'x'.repeat(43))
    await world.sim.admin.resetCounters()
    const res = await browser.navigate(`${back.pathname}${back.search}`)
    expect(res.status).toBe(400)
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('state_mismatch')
    expect((await world.sim.admin.counters())['token:authorization_code'] ?? 0).toBe(0)
  })
})

describe('GET /api/banks', () => {
  it('lists the simulator banks for the picker, filtered by name, from one cached upstream call', async () => {
    const { browser } = bffOverSim(world)
    await world.sim.admin.resetCounters()
    const all = bankListResponseSchema.parse(await (await browser.get('/api/banks')).json())
    expect(all.data.map((b) => b.id)).toContain(MOCK_BANK_ID)
    const mock = all.data.find((b) => b.id === MOCK_BANK_ID)
    const filtered = bankListResponseSchema.parse(
      await (
        await browser.get(`/api/banks?q=${encodeURIComponent(mock?.name.slice(0, 6) ?? '')}`)
      ).json(),
    )
    expect(filtered.data.map((b) => b.id)).toContain(MOCK_BANK_ID)
    expect(filtered.data.length).toBeLessThanOrEqual(all.data.length)
    const counters = await world.sim.admin.counters()
    const bankListCalls = Object.entries(counters)
      .filter(([route]) => route.includes('connections') && route.includes('well-known'))
      .reduce((sum, [, n]) => sum + n, 0)
    // Two page loads, one upstream call (the harness configures the `all` list).
    expect(bankListCalls).toBe(1)
  })

  it('refuses an unknown list kind', async () => {
    const { browser } = bffOverSim(world)
    const res = await browser.get('/api/banks?kind=everything')
    expect(res.status).toBe(400)
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('invalid_request')
  })
})

describe('logout', () => {
  it('revokes the tokens the session holds at the provider', async () => {
    const real = simMoneyhub(world)
    const accessTokens: string[] = []
    const revocations: { hint: string | undefined; revoked: boolean }[] = []
    // A recording wrapper over the real client: every call still reaches the simulator.
    const moneyhub: MoneyhubClient = {
      ...real,
      exchangeCode: async (params) => {
        const result = await real.exchangeCode(params)
        accessTokens.push(result.tokens.accessToken)
        return result
      },
      revokeToken: async (token, hint) => {
        const result = await real.revokeToken(token, hint)
        revocations.push({ hint, revoked: result.revoked })
        return result
      },
    }
    const { browser } = bffOverSim(world, { moneyhub })
    // A one-time connect keeps its code-exchange token in the session; an ongoing one holds no
    // token at all (it reads with tokenForUser, docs/moneyhub-protocol.md §4.2).
    await connect(browser, { kind: 'ais', oneTime: true })
    expect(accessTokens).toHaveLength(1)

    expect((await browser.send('POST', '/api/logout', {})).status).toBe(200)
    expect(revocations).toEqual([{ hint: 'access_token', revoked: true }])
  })

  it('deletes the session: the old cookie then gets 401', async () => {
    const { browser } = bffOverSim(world)
    await connect(browser)
    const cookie = browser.cookies.get('__Host-mhkit-session') ?? ''
    const out = await browser.send('POST', '/api/logout', {})
    expect(out.status).toBe(200)
    expect(browser.cookies.has('__Host-mhkit-session')).toBe(false)
    browser.cookies.set('__Host-mhkit-session', cookie)
    const res = await browser.get('/api/accounts')
    expect(res.status).toBe(401)
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('session_expired')
  })
})
