/**
 * The connect and callback limits are counted in the store, so several BFF instances over one
 * store (SQLite on one host, Redis behind a load balancer) share one limit rather than each
 * granting its own. The general `/api/*` limit stays per instance (process memory).
 * docs/security.md I8.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { errorBodySchema } from '@mhkit/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RateLimits } from '../../src/app'
import { createMemoryStore } from '../../src/session/memory-store'
import { createRedisStore } from '../../src/session/redis-store'
import { createSqliteStore } from '../../src/session/sqlite-store'
import type { Store } from '../../src/session/store'
import { fakeClock, type FakeClock } from '../support/fake-clock'
import { hasRedisServer, startRedis, type TestRedis } from '../support/redis-server'
import { buildTestApp, jsonHeaders, spaHeaders, type TestApp } from '../support/test-app'

const dir = mkdtempSync(join(tmpdir(), 'mhkit-rl-'))
const redisAvailable = hasRedisServer()
let redis: TestRedis | undefined
let counter = 0

beforeAll(async () => {
  if (redisAvailable) redis = await startRedis()
})

afterAll(async () => {
  await redis?.stop()
  rmSync(dir, { recursive: true, force: true })
})

interface Subject {
  name: string
  /** Two handles on one store, as two BFF processes would open it. */
  pair(clock: FakeClock): [Store, Store]
  /** Whether windows follow the fake clock (memory, SQLite) or the server's (Redis). */
  clockControlled: boolean
  available: boolean
}

const subjects: Subject[] = [
  {
    name: 'memory (one store object)',
    pair: (clock) => {
      const store = createMemoryStore({ clock })
      return [store, store]
    },
    clockControlled: true,
    available: true,
  },
  {
    name: 'sqlite (two handles on one file)',
    pair: (clock) => {
      const path = join(dir, `rl${++counter}.sqlite`)
      return [createSqliteStore({ path, clock }), createSqliteStore({ path, clock })]
    },
    clockControlled: true,
    available: true,
  },
  {
    name: 'redis (two clients)',
    pair: () => {
      if (redis === undefined) throw new Error('redis not started')
      const prefix = `rl${++counter}:`
      return [
        createRedisStore({ url: redis.url, prefix }),
        createRedisStore({ url: redis.url, prefix }),
      ]
    },
    clockControlled: false,
    available: redisAvailable,
  },
]

async function twoInstances(
  subject: Subject,
  rateLimits: Partial<RateLimits>,
): Promise<{ a: TestApp; b: TestApp; clock: FakeClock; close: () => Promise<void> }> {
  const clock = fakeClock(Date.now())
  const [storeA, storeB] = subject.pair(clock)
  const a = await buildTestApp({ store: storeA, clock, config: { rateLimits } })
  const b = await buildTestApp({ store: storeB, clock, config: { rateLimits } })
  return {
    a,
    b,
    clock,
    close: async () => {
      await storeA.close()
      if (storeB !== storeA) await storeB.close()
    },
  }
}

function connect(t: TestApp, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(
    t.app.request('/api/connect', {
      method: 'POST',
      headers: jsonHeaders(headers),
      body: JSON.stringify({ kind: 'bogus' }),
    }),
  )
}

describe.each(subjects)('rate limits shared over the $name store', (subject) => {
  const test = subject.available ? it : it.skip

  test('two instances share one connect limit per IP (429 with Retry-After)', async () => {
    const { a, b, clock, close } = await twoInstances(subject, {
      connectPerIp: { max: 3, windowMs: 60_000 },
    })
    // 400: the bogus body is rejected after the limiter counted the hit.
    expect((await connect(a)).status).toBe(400)
    expect((await connect(b)).status).toBe(400)
    expect((await connect(a)).status).toBe(400)
    const limited = await connect(b)
    expect(limited.status).toBe(429)
    const retryAfter = Number(limited.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    const body = errorBodySchema.parse(await limited.json())
    expect(body.error).toMatchObject({ code: 'rate_limited', retryAfter })
    expect((await connect(a)).status).toBe(429)
    expect(b.logs.lines.some((l) => l.reason === 'rate_limited' && l.limit === 'connect')).toBe(
      true,
    )
    if (!subject.clockControlled) {
      // Redis windows run on the server's clock; the fake clock cannot end them.
      await close()
      return
    }
    clock.advance(60_000)
    expect((await connect(b)).status).toBe(400)
    await close()
  })

  test('two instances share one connect limit per session', async () => {
    const { a, b, close } = await twoInstances(subject, {
      connectPerSession: { max: 1, windowMs: 60_000 },
    })
    const cookie = { Cookie: `__Host-mhkit-session=${'b'.repeat(43)}` }
    expect((await connect(a, cookie)).status).toBe(400)
    expect((await connect(b, cookie)).status).toBe(429)
    // Another session (same IP, within the IP limit) is not affected.
    expect((await connect(b, { Cookie: `__Host-mhkit-session=${'c'.repeat(43)}` })).status).toBe(
      400,
    )
    await close()
  })

  test('two instances share one callback limit per IP', async () => {
    const { a, b, close } = await twoInstances(subject, {
      callbackPerIp: { max: 1, windowMs: 60_000 },
    })
    await a.app.request('/api/callback?state=AAAAAAAAAAAAAAAAAAAAAAAA')
    const res = await b.app.request('/api/callback?state=AAAAAAAAAAAAAAAAAAAAAAAA')
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).not.toBeNull()
    await close()
  })

  test('the general API limit stays per instance (process memory)', async () => {
    const { a, b, close } = await twoInstances(subject, {
      apiPerIp: { max: 1, windowMs: 60_000 },
    })
    const get = (t: TestApp) => t.app.request('/api/session', { headers: spaHeaders() })
    expect((await get(a)).status).toBe(200)
    expect((await get(b)).status).toBe(200)
    expect((await get(a)).status).toBe(429)
    await close()
  })
})
