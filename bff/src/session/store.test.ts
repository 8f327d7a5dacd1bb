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
