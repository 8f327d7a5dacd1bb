import { mkdtempSync, rmSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { approveConsent, MOCK_BANK_ID } from '@mhkit/sim'
import { connectResponseSchema, errorBodySchema, sessionResponseSchema } from '@mhkit/shared'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { TX_TTL_MS } from '../../src/session/cookies'
import { createMemoryStore } from '../../src/session/memory-store'
import { createRedisStore } from '../../src/session/redis-store'
import { createSqliteStore } from '../../src/session/sqlite-store'
import type { Store } from '../../src/session/store'
import type { TestBrowser } from '../support/browser'
import { fakeClock } from '../support/fake-clock'
import { hasRedisServer, startRedis, type TestRedis } from '../support/redis-server'
import {
  bffOverSim,
  callbackPath,
  simMoneyhub,
  startSimWorld,
  type SimWorld,
} from '../support/sim-harness'

let world: SimWorld
const dir = mkdtempSync(join(tmpdir(), 'mhkit-bff-it-'))

beforeAll(async () => {
  world = await startSimWorld()
})

afterEach(async () => {
  await world.sim.admin.clearFaults()
})

afterAll(async () => {
  await world.close()
  rmSync(dir, { recursive: true, force: true })
})

async function connect(browser: TestBrowser): Promise<string> {
  const res = await browser.send('POST', '/api/connect', { kind: 'ais' })
  const { url, flowId } = connectResponseSchema.parse(await res.json())
  const back = await approveConsent(url, { bankId: MOCK_BANK_ID })
  expect((await browser.navigate(callbackPath(back))).status).toBe(303)
  return flowId
}

/** A memory store that records every key written (the Store interface cannot list keys). */
function recordingStore(): { store: Store; written: string[] } {
  const inner = createMemoryStore()
  const written: string[] = []
  const store: Store = {
    ...inner,
    set: (key, value, ttlMs) => {
      written.push(key)
      return inner.set(key, value, ttlMs)
    },
    add: (key, value, ttlMs) => {
      written.push(key)
      return inner.add(key, value, ttlMs)
    },
  }
  return { store, written }
}

async function errorOf(res: Response) {
  return errorBodySchema.parse(await res.json()).error
}

describe('upstream faults map to typed answers', () => {
  it('a 503 from the data API becomes 503 upstream_unavailable', async () => {
    const { browser } = bffOverSim(world)
    await connect(browser)
    await world.sim.admin.fault({ route: 'GET /v3/accounts', status: 503 })
    const res = await browser.get('/api/accounts')
    expect(res.status).toBe(503)
    expect((await errorOf(res)).code).toBe('upstream_unavailable')
  })

  it('a 429 with Retry-After becomes 429 upstream_rate_limited with Retry-After', async () => {
    const { browser } = bffOverSim(world)
    await connect(browser)
    await world.sim.admin.fault({ route: 'GET /v3/accounts', retryAfter: 30 })
    const res = await browser.get('/api/accounts')
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('30')
    expect(await errorOf(res)).toMatchObject({ code: 'upstream_rate_limited', retryAfter: 30 })
  })

  it('a malformed body becomes 502 invalid_upstream_response with no upstream text', async () => {
    const { browser } = bffOverSim(world)
    await connect(browser)
    await world.sim.admin.fault({ route: 'GET /v3/accounts', malformed: true })
    const res = await browser.get('/api/accounts')
    expect(res.status).toBe(502)
    const error = await errorOf(res)
    expect(error.code).toBe('invalid_upstream_response')
  })

  it('a slow data API becomes 504 upstream_timeout within the BFF timeout', async () => {
    const moneyhub = simMoneyhub(world, { dataTimeoutMs: 150 })
    const { browser } = bffOverSim(world, { moneyhub })
    await connect(browser)
    await world.sim.admin.fault({ route: 'GET /v3/accounts', delayMs: 2_000, times: 1 })
    const res = await browser.get('/api/accounts')
    expect(res.status).toBe(504)
    expect((await errorOf(res)).code).toBe('upstream_timeout')
  })

  it('a 503 with Retry-After becomes 503 upstream_unavailable with Retry-After', async () => {
    const { browser } = bffOverSim(world)
    await connect(browser)
    await world.sim.admin.fault({ route: 'GET /v3/accounts', status: 503, retryAfter: 7 })
    const res = await browser.get('/api/accounts')
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('7')
    expect(await errorOf(res)).toMatchObject({ code: 'upstream_unavailable', retryAfter: 7 })
  })

  it('a failing PAR answers a 5xx code and leaves no flow behind', async () => {
    const { store, written } = recordingStore()
    const { browser } = bffOverSim(world, { store })
    await world.sim.admin.fault({ route: 'par', status: 500, times: 1 })
    const res = await browser.send('POST', '/api/connect', { kind: 'ais' })
    expect(res.status).toBeGreaterThanOrEqual(502)
    expect((await errorOf(res)).code).toMatch(/^upstream_/)
    // No browser binding handed out, and no login transaction or flow record stored.
    expect(res.headers.getSetCookie().filter((c) => c.startsWith('__Host-mhkit-tx='))).toEqual([])
    expect(browser.cookies.has('__Host-mhkit-tx')).toBe(false)
    const flowKeys = () => written.filter((k) => /^(?:flow|flowstate|browserflow|tx):/.test(k))
    expect(flowKeys()).toEqual([])
    // The recorder does see them: the next (healthy) start stores its transaction and flow.
    expect((await browser.send('POST', '/api/connect', { kind: 'ais' })).status).toBe(200)
    expect(
      flowKeys()
        .map((k) => k.split(':')[0])
        .sort(),
    ).toEqual(['browserflow', 'flow', 'flowstate', 'tx'].sort())
  })

  it('a failing token endpoint fails the flow with a stable code and no session', async () => {
    const { browser } = bffOverSim(world)
    const res = await browser.send('POST', '/api/connect', { kind: 'ais' })
    const { url, flowId } = connectResponseSchema.parse(await res.json())
    const back = await approveConsent(url, { bankId: MOCK_BANK_ID })
    await world.sim.admin.fault({ route: 'token', status: 503, times: 1 })
    expect((await browser.navigate(callbackPath(back))).status).toBe(303)
    const flow = (await (await browser.get(`/api/flows/${flowId}`)).json()) as {
      status: string
      error?: { code: string }
    }
    expect(flow.status).toBe('failed')
    expect(flow.error?.code).toMatch(/^upstream_/)
    const me = sessionResponseSchema.parse(await (await browser.get('/api/session')).json())
    expect(me.authenticated).toBe(false)
  })
})

describe('expired PAR', () => {
  it('an error callback for a lapsed request_uri (no state) shows flow_expired and changes no flow', async () => {
    const { browser, clock } = bffOverSim(world)
    const res = await browser.send('POST', '/api/connect', { kind: 'ais', returnTo: '/connect' })
    const { url, flowId } = connectResponseSchema.parse(await res.json())
    await world.sim.admin.advanceClock(120)
    const callback = await approveConsent(url, { bankId: MOCK_BANK_ID })
    expect(new URL(callback).searchParams.get('error')).toBe('invalid_request_uri')
    await world.sim.admin.resetCounters()
    // Without state nothing proves which flow it ends (a cross-site page can send it): it only
    // shows its code; a navigation lands in the app (callback-lands-in-app.test.ts).
    const back = await browser.navigate(callbackPath(callback))
    expect(back.status).toBe(410)
    expect((await errorOf(back)).code).toBe('flow_expired')
    const before = (await (await browser.get(`/api/flows/${flowId}`)).json()) as { status: string }
    expect(before.status).toBe('pending')
    // The flow ends with its transaction.
    clock.advance(TX_TTL_MS)
    const flow = await (await browser.get(`/api/flows/${flowId}`)).json()
    expect(flow).toMatchObject({ status: 'failed', error: { code: 'flow_expired' } })
    expect((await world.sim.admin.counters())['token:authorization_code'] ?? 0).toBe(0)
  })

  it('an error callback with no state from another issuer is refused with iss_mismatch', async () => {
    const { browser } = bffOverSim(world)
    const res = await browser.navigate(
      '/api/callback?error=invalid_request_uri&iss=https%3A%2F%2Fevil.example',
    )
    expect(res.status).toBe(400)
    expect((await errorOf(res)).code).toBe('iss_mismatch')
  })
})

describe('a BFF restart loses no session', () => {
  async function restartKeepsSession(open: () => Store): Promise<void> {
    const key = randomBytes(32)
    const clock = fakeClock(Date.now())
    const first = bffOverSim(world, { store: open(), key, clock })
    await connect(first.browser)
    const before = sessionResponseSchema.parse(
      await (await first.browser.get('/api/session')).json(),
    )
    expect(before.authenticated).toBe(true)
    await first.store.close()

    const second = bffOverSim(world, { store: open(), key, clock })
    for (const [name, value] of first.browser.cookies) second.browser.cookies.set(name, value)
    const after = sessionResponseSchema.parse(
      await (await second.browser.get('/api/session')).json(),
    )
    expect(after.authenticated).toBe(true)
    expect(after.user?.id).toBe(before.user?.id)
    await second.store.close()
  }

  it('over the same SQLite file', async () => {
    const path = join(dir, 'restart.sqlite')
    const clock = fakeClock(Date.now())
    await restartKeepsSession(() => createSqliteStore({ path, clock }))
  })

  const redisIt = hasRedisServer() ? it : it.skip
  if (!hasRedisServer())
    console.warn('SKIPPING the Redis restart test: no redis-server binary on PATH')
  let redis: TestRedis | undefined
  afterAll(async () => {
    await redis?.stop()
  })
  redisIt('over the same Redis', async () => {
    redis = await startRedis()
    const url = redis.url
    await restartKeepsSession(() => createRedisStore({ url, prefix: 'restart-it:' }))
  })
})
