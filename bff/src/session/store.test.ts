import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fakeClock, type FakeClock } from '../../test/support/fake-clock'
import { hasRedisServer, startRedis, type TestRedis } from '../../test/support/redis-server'
import { createMemoryStore } from './memory-store'
import { createRedisStore } from './redis-store'
import { createSqliteStore } from './sqlite-store'
import type { Store } from './store'

interface Subject {
  name: string
  /** A fresh store; `clock` is honoured where the store supports an injected clock. */
  make(clock: FakeClock): Store
  /** Whether TTLs follow the injected clock (memory, SQLite) or the server's (Redis). */
  clockControlled: boolean
  available: boolean
  skipReason?: string
}

const dir = mkdtempSync(join(tmpdir(), 'mhkit-store-'))
let redis: TestRedis | undefined
let counter = 0
const redisAvailable = hasRedisServer()
if (!redisAvailable) {
  console.warn(
    'SKIPPING the Redis store contract tests: no redis-server binary on PATH (apt-get install redis-server)',
  )
}

const subjects: Subject[] = [
  {
    name: 'memory',
    make: (clock) => createMemoryStore({ clock }),
    clockControlled: true,
    available: true,
  },
  {
    name: 'sqlite',
    make: (clock) => createSqliteStore({ path: join(dir, `s${++counter}.sqlite`), clock }),
    clockControlled: true,
    available: true,
  },
  {
    name: 'redis',
    make: () => {
      if (redis === undefined) throw new Error('redis not started')
      return createRedisStore({ url: redis.url, prefix: `t${++counter}:` })
    },
    clockControlled: false,
    available: redisAvailable,
    skipReason: 'no redis-server binary on PATH',
  },
]

beforeAll(async () => {
  if (redisAvailable) redis = await startRedis()
})

afterAll(async () => {
  await redis?.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe.each(subjects)('$name store contract', (subject) => {
  // Skipped tests say why in their name, so the report shows the reason.
  const skip =
    (reason: string) =>
    (title: string, fn: () => Promise<void>): void =>
      it.skip(`${title} (skipped: ${reason})`, fn)
  const test = subject.available ? it : skip(subject.skipReason ?? 'unavailable')
  const clockTest = !subject.available
    ? skip(subject.skipReason ?? 'unavailable')
    : subject.clockControlled
      ? it
      : skip('Redis keeps TTLs on its own clock; see "redis store specifics" for its TTL test')
  const stores: Store[] = []
  const open = (clock = fakeClock()): Store => {
    const store = subject.make(clock)
    stores.push(store)
    return store
  }
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()))
  })

  test('returns what was set and undefined for an absent key', async () => {
    const store = open()
    await store.set('a', 'one', 60_000)
    expect(await store.get('a')).toBe('one')
    expect(await store.get('missing')).toBeUndefined()
  })

  test('replaces a value on set', async () => {
    const store = open()
    await store.set('a', 'one', 60_000)
    await store.set('a', 'two', 60_000)
    expect(await store.get('a')).toBe('two')
  })

  test('deletes a value, and deleting an absent key is not an error', async () => {
    const store = open()
    await store.set('a', 'one', 60_000)
    await store.delete('a')
    await store.delete('never')
    expect(await store.get('a')).toBeUndefined()
  })

  test('take returns the value once and removes it', async () => {
    const store = open()
    await store.set('tx', 'payload', 60_000)
    expect(await store.take('tx')).toBe('payload')
    expect(await store.take('tx')).toBeUndefined()
    expect(await store.get('tx')).toBeUndefined()
  })

  test('take gives the value to exactly one of many concurrent callers', async () => {
    const store = open()
    await store.set('tx', 'payload', 60_000)
    const results = await Promise.all(Array.from({ length: 20 }, () => store.take('tx')))
    expect(results.filter((r) => r === 'payload')).toHaveLength(1)
  })

  test('add creates only when absent', async () => {
    const store = open()
    expect(await store.add('k', 'first', 60_000)).toBe(true)
    expect(await store.add('k', 'second', 60_000)).toBe(false)
    expect(await store.get('k')).toBe('first')
  })

  test('replace changes a present value and never creates an absent one', async () => {
    const store = open()
    await store.set('s', 'one', 60_000)
    expect(await store.replace('s', 'two', 60_000)).toBe(true)
    expect(await store.get('s')).toBe('two')
    expect(await store.replace('never', 'x', 60_000)).toBe(false)
    expect(await store.get('never')).toBeUndefined()
  })

  test('replace after a delete leaves the entry gone (no resurrection)', async () => {
    const store = open()
    await store.set('sess:h', 'loaded', 60_000)
    const stale = await store.get('sess:h')
    await store.delete('sess:h')
    expect(await store.replace('sess:h', stale ?? 'x', 60_000)).toBe(false)
    expect(await store.get('sess:h')).toBeUndefined()
    expect(await store.add('sess:h', 'fresh', 60_000)).toBe(true)
  })

  test('incr counts hits per key from 1 within a window', async () => {
    const store = open()
    expect((await store.incr('rl:a', 60_000)).count).toBe(1)
    expect((await store.incr('rl:a', 60_000)).count).toBe(2)
    const third = await store.incr('rl:a', 60_000)
    expect(third.count).toBe(3)
    expect(third.remainingMs).toBeGreaterThan(0)
    expect(third.remainingMs).toBeLessThanOrEqual(60_000)
    expect((await store.incr('rl:b', 60_000)).count).toBe(1)
  })

  test('incr gives every one of many concurrent callers its own count', async () => {
    const store = open()
    const counts = await Promise.all(Array.from({ length: 20 }, () => store.incr('rl:c', 60_000)))
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    )
  })

  test('lock is exclusive until released', async () => {
    const store = open()
    const first = await store.lock('refresh:u1', 60_000)
    expect(first).toBeDefined()
    expect(await store.lock('refresh:u1', 60_000)).toBeUndefined()
    expect(await store.lock('refresh:u2', 60_000)).toBeDefined()
    await first?.release()
    expect(await store.lock('refresh:u1', 60_000)).toBeDefined()
  })

  test('only one of many concurrent lockers wins', async () => {
    const store = open()
    const locks = await Promise.all(Array.from({ length: 10 }, () => store.lock('l', 60_000)))
    expect(locks.filter((l) => l !== undefined)).toHaveLength(1)
  })

  test('keeps unicode and large values intact', async () => {
    const store = open()
    const value = JSON.stringify({ name: 'Zoë £ 🏦', pad: 'x'.repeat(50_000) })
    await store.set('big', value, 60_000)
    expect(await store.get('big')).toBe(value)
  })

  clockTest('expires values after their TTL without sleeping', async () => {
    const clock = fakeClock()
    const store = open(clock)
    await store.set('a', 'one', 1_000)
    clock.advance(999)
    expect(await store.get('a')).toBe('one')
    clock.advance(1)
    expect(await store.get('a')).toBeUndefined()
    expect(await store.take('a')).toBeUndefined()
  })

  clockTest('add and lock succeed over an expired entry', async () => {
    const clock = fakeClock()
    const store = open(clock)
    await store.set('k', 'old', 1_000)
    const lock = await store.lock('l', 1_000)
    expect(lock).toBeDefined()
    clock.advance(1_000)
    expect(await store.add('k', 'new', 1_000)).toBe(true)
    expect(await store.get('k')).toBe('new')
    expect(await store.lock('l', 1_000)).toBeDefined()
  })

  clockTest('replace gives a fresh TTL but never revives an expired entry', async () => {
    const clock = fakeClock()
    const store = open(clock)
    await store.set('s', 'one', 1_000)
    clock.advance(500)
    expect(await store.replace('s', 'two', 1_000)).toBe(true)
    clock.advance(999)
    expect(await store.get('s')).toBe('two')
    clock.advance(1)
    expect(await store.get('s')).toBeUndefined()
    expect(await store.replace('s', 'three', 1_000)).toBe(false)
    expect(await store.get('s')).toBeUndefined()
  })

  clockTest('incr keeps the window of the first hit, then starts a new one', async () => {
    const clock = fakeClock()
    const store = open(clock)
    expect(await store.incr('rl', 1_000)).toEqual({ count: 1, remainingMs: 1_000 })
    clock.advance(400)
    expect(await store.incr('rl', 1_000)).toEqual({ count: 2, remainingMs: 600 })
    clock.advance(599)
    expect(await store.incr('rl', 1_000)).toEqual({ count: 3, remainingMs: 1 })
    clock.advance(1)
    expect(await store.incr('rl', 1_000)).toEqual({ count: 1, remainingMs: 1_000 })
  })

  clockTest('an expired lock holder cannot release the next holder’s lock', async () => {
    const clock = fakeClock()
    const store = open(clock)
    const stale = await store.lock('l', 1_000)
    clock.advance(1_000)
    const fresh = await store.lock('l', 1_000)
    expect(fresh).toBeDefined()
    await stale?.release()
    expect(await store.lock('l', 1_000)).toBeUndefined()
  })
})

describe('sqlite store persistence', () => {
  it('keeps values across a close and reopen of the same file', async () => {
    const path = join(dir, 'restart.sqlite')
    const clock = fakeClock()
    const first = createSqliteStore({ path, clock })
    await first.set('sess:x', 'kept', 60_000)
    await first.close()
    const second = createSqliteStore({ path, clock })
    expect(await second.get('sess:x')).toBe('kept')
    await second.close()
  })

  it('shares take-once between two handles on one file (two processes on one host)', async () => {
    const path = join(dir, 'shared.sqlite')
    const clock = fakeClock()
    const a = createSqliteStore({ path, clock })
    const b = createSqliteStore({ path, clock })
    await a.set('tx', 'v', 60_000)
    const results = [await a.take('tx'), await b.take('tx')]
    expect(results.filter((r) => r === 'v')).toHaveLength(1)
    await a.close()
    await b.close()
  })
})

describe('shared counters and replace across handles', () => {
  it('two SQLite handles on one file share one incr count and see each other’s deletes', async () => {
    const path = join(dir, 'counter.sqlite')
    const clock = fakeClock()
    const a = createSqliteStore({ path, clock })
    const b = createSqliteStore({ path, clock })
    expect((await a.incr('rl:x', 60_000)).count).toBe(1)
    expect((await b.incr('rl:x', 60_000)).count).toBe(2)
    expect((await a.incr('rl:x', 60_000)).count).toBe(3)
    await a.set('sess:h', 'v', 60_000)
    await b.delete('sess:h')
    expect(await a.replace('sess:h', 'v2', 60_000)).toBe(false)
    expect(await b.get('sess:h')).toBeUndefined()
    await a.close()
    await b.close()
  })

  const test = redisAvailable ? it : it.skip
  test('two Redis clients on one prefix share one incr count', async () => {
    if (redis === undefined) throw new Error('redis not started')
    const a = createRedisStore({ url: redis.url, prefix: 'shared-rl:' })
    const b = createRedisStore({ url: redis.url, prefix: 'shared-rl:' })
    expect((await a.incr('rl:x', 60_000)).count).toBe(1)
    expect((await b.incr('rl:x', 60_000)).count).toBe(2)
    expect((await a.incr('rl:x', 60_000)).count).toBe(3)
    await a.close()
    await b.close()
  })
})

describe('redis store specifics', () => {
  const test = redisAvailable ? it : it.skip
  test('sets a server-side TTL in milliseconds', async () => {
    if (redis === undefined) throw new Error('redis not started')
    const store = createRedisStore({ url: redis.url, prefix: 'ttl:' })
    await store.set('a', 'v', 5_000)
    const raw = new Redis(redis.url)
    const pttl = await raw.pttl('ttl:a')
    expect(pttl).toBeGreaterThan(0)
    expect(pttl).toBeLessThanOrEqual(5_000)
    await raw.quit()
    await store.close()
  })

  test('replace and incr leave a server-side TTL (never a key that lives forever)', async () => {
    if (redis === undefined) throw new Error('redis not started')
    const store = createRedisStore({ url: redis.url, prefix: 'ttl2:' })
    const raw = new Redis(redis.url)
    await store.set('s', 'v', 60_000)
    expect(await store.replace('s', 'w', 5_000)).toBe(true)
    const replaced = await raw.pttl('ttl2:s')
    expect(replaced).toBeGreaterThan(0)
    expect(replaced).toBeLessThanOrEqual(5_000)
    await store.incr('rl', 5_000)
    await store.incr('rl', 5_000)
    const counted = await raw.pttl('ttl2:rl')
    expect(counted).toBeGreaterThan(0)
    expect(counted).toBeLessThanOrEqual(5_000)
    // A counter left without a TTL (e.g. written by hand) gets the window on its next hit.
    await raw.set('ttl2:bare', '7')
    expect((await store.incr('bare', 5_000)).count).toBe(8)
    expect(await raw.pttl('ttl2:bare')).toBeGreaterThan(0)
    await raw.quit()
    await store.close()
  })

  test('keeps values across a reconnect (a BFF restart over the same Redis)', async () => {
    if (redis === undefined) throw new Error('redis not started')
    const first = createRedisStore({ url: redis.url, prefix: 'restart:' })
    await first.set('sess:x', 'kept', 60_000)
    await first.close()
    const second = createRedisStore({ url: redis.url, prefix: 'restart:' })
    expect(await second.get('sess:x')).toBe('kept')
    await second.close()
  })
})
