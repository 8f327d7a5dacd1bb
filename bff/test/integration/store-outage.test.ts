import { approveConsent, MOCK_BANK_ID } from '@mhkit/sim'
import { connectResponseSchema, errorBodySchema, sessionResponseSchema } from '@mhkit/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createMemoryStore } from '../../src/session/memory-store'
import { createRedisStore } from '../../src/session/redis-store'
import type { Store } from '../../src/session/store'
import type { TestBrowser } from '../support/browser'
import { hasRedisServer, startRedis, type TestRedis } from '../support/redis-server'
import { bffOverSim, callbackPath, startSimWorld, type SimWorld } from '../support/sim-harness'

let world: SimWorld

beforeAll(async () => {
  world = await startSimWorld()
})

afterAll(async () => {
  await world.close()
})

/** A memory store that can be switched off: every operation then fails as a dead store would. */
function switchableStore(): { store: Store; down: { value: boolean } } {
  const inner = createMemoryStore()
  const down = { value: false }
  const wrap =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      down.value ? Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')) : call(...args)
  const store: Store = {
    get: wrap((key) => inner.get(key)),
    set: wrap((key, value, ttlMs) => inner.set(key, value, ttlMs)),
    add: wrap((key, value, ttlMs) => inner.add(key, value, ttlMs)),
    replace: wrap((key, value, ttlMs) => inner.replace(key, value, ttlMs)),
    incr: wrap((key, ttlMs) => inner.incr(key, ttlMs)),
    delete: wrap((key) => inner.delete(key)),
    take: wrap((key) => inner.take(key)),
    lock: wrap((key, ttlMs) => inner.lock(key, ttlMs)),
    close: () => inner.close(),
  }
  return { store, down }
}

async function expectStoreOutage(res: Response): Promise<void> {
  expect(res.status).toBe(503)
  const retryAfter = Number(res.headers.get('retry-after'))
  expect(retryAfter).toBeGreaterThanOrEqual(1)
  const { error } = errorBodySchema.parse(await res.json())
  expect(error).toMatchObject({ code: 'service_unavailable', retryAfter })
  expect(error.message).not.toMatch(/ECONNREFUSED|redis|6379/i)
}

async function signIn(browser: TestBrowser): Promise<void> {
  const res = await browser.send('POST', '/api/connect', { kind: 'ais' })
  expect(res.status).toBe(200)
  const { url } = connectResponseSchema.parse(await res.json())
  const back = await approveConsent(url, { bankId: MOCK_BANK_ID })
  expect((await browser.navigate(callbackPath(back))).status).toBe(303)
}

describe('a store outage answers 503 service_unavailable with Retry-After', () => {
  it('on every route that touches the store, and the same app recovers when it returns', async () => {
    const { store, down } = switchableStore()
    const { browser, logs } = bffOverSim(world, { store })
    await signIn(browser)
    const started = await browser.send('POST', '/api/connect', { kind: 'ais' })
    const { url, flowId } = connectResponseSchema.parse(await started.json())
    const back = await approveConsent(url, { bankId: MOCK_BANK_ID })

    down.value = true
    // The connect and callback rate limits count in the store (they failed as 500 before).
    await expectStoreOutage(await browser.send('POST', '/api/connect', { kind: 'ais' }))
    await expectStoreOutage(await browser.navigate(callbackPath(back)))
    // The session load, the flow record and logout read or write the store too.
    await expectStoreOutage(await browser.get('/api/session'))
    await expectStoreOutage(await browser.get('/api/accounts'))
    await expectStoreOutage(await browser.get(`/api/flows/${flowId}`))
    await expectStoreOutage(await browser.send('POST', '/api/logout', {}))
    // A store outage is not a session end: the cookie is kept for when the store returns.
    expect(browser.cookies.has('__Host-mhkit-session')).toBe(true)
    expect(logs.lines.some((l) => l.msg === 'unhandled error')).toBe(false)

    down.value = false
    const me = sessionResponseSchema.parse(await (await browser.get('/api/session')).json())
    expect(me.authenticated).toBe(true)
    // The callback the outage refused was not consumed: it completes now.
    expect((await browser.navigate(callbackPath(back))).status).toBe(303)
    const flow = (await (await browser.get(`/api/flows/${flowId}`)).json()) as { status: string }
    expect(flow.status).toBe('succeeded')
  })

  describe.skipIf(!hasRedisServer())('with a real redis-server', () => {
    let redis: TestRedis

    beforeAll(async () => {
      redis = await startRedis()
    })

    afterAll(async () => {
      await redis.stop()
    })

    it('answers 503 while Redis is down and recovers without a new app when it restarts', async () => {
      const store = createRedisStore({ url: redis.url, prefix: `outage${Date.now()}:` })
      const { browser } = bffOverSim(world, { store })
      try {
        expect((await browser.send('POST', '/api/connect', { kind: 'ais' })).status).toBe(200)
        await redis.stop()
        await expectStoreOutage(await browser.send('POST', '/api/connect', { kind: 'ais' }))
        await expectStoreOutage(await browser.navigate('/api/callback?state=' + 'a'.repeat(43)))

        redis = await startRedis({ port: redis.port })
        // The Redis client reconnects on its own (a back-off of at most 2 s between attempts).
        let status = 0
        for (let i = 0; i < 100 && status !== 200; i++) {
          status = (await browser.send('POST', '/api/connect', { kind: 'ais' })).status
          if (status !== 200) await new Promise((r) => setTimeout(r, 100))
        }
        expect(status).toBe(200)
      } finally {
        await store.close()
      }
    })

    it('answers 503 instead of hanging while Redis holds its connections but stops answering', async () => {
      const store = createRedisStore({ url: redis.url, prefix: `hung${Date.now()}:` })
      const { browser } = bffOverSim(world, { store })
      try {
        expect((await browser.send('POST', '/api/connect', { kind: 'ais' })).status).toBe(200)
        redis.signal('SIGSTOP')
        // Without a command timeout this request waits for Redis forever (the test times out).
        await expectStoreOutage(await browser.send('POST', '/api/connect', { kind: 'ais' }))
        redis.signal('SIGCONT')
        expect((await browser.send('POST', '/api/connect', { kind: 'ais' })).status).toBe(200)
      } finally {
        redis.signal('SIGCONT')
        await store.close()
      }
    }, 15_000)
  })
})
