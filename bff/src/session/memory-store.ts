import { randomBytes } from 'node:crypto'

import { systemClock, type Clock } from '../clock'
import type { Store, StoreLock } from './store'

interface Entry {
  value: string
  expiresAt: number
}

/**
 * An in-process {@link Store} for tests and single-process experiments. State is lost on
 * restart. Expired entries are dropped lazily and by a sweep every 1,000 writes.
 *
 * @param options.clock - time source for TTLs (tests pass a fake clock)
 */
export function createMemoryStore(options: { clock?: Clock } = {}): Store {
  const clock = options.clock ?? systemClock
  const entries = new Map<string, Entry>()
  let writes = 0

  function live(key: string): Entry | undefined {
    const entry = entries.get(key)
    if (entry === undefined) return undefined
    if (entry.expiresAt <= clock.now()) {
      entries.delete(key)
      return undefined
    }
    return entry
  }

  function write(key: string, value: string, ttlMs: number): void {
    entries.set(key, { value, expiresAt: clock.now() + ttlMs })
    if (++writes % 1000 === 0) {
      const now = clock.now()
      for (const [k, e] of entries) if (e.expiresAt <= now) entries.delete(k)
    }
  }

  return {
    get: (key) => Promise.resolve(live(key)?.value),
    set(key, value, ttlMs) {
      write(key, value, ttlMs)
      return Promise.resolve()
    },
    add(key, value, ttlMs) {
      if (live(key) !== undefined) return Promise.resolve(false)
      write(key, value, ttlMs)
      return Promise.resolve(true)
    },
    replace(key, value, ttlMs) {
      if (live(key) === undefined) return Promise.resolve(false)
      write(key, value, ttlMs)
      return Promise.resolve(true)
    },
    incr(key, ttlMs) {
      const entry = live(key)
      if (entry === undefined) {
        write(key, '1', ttlMs)
        return Promise.resolve({ count: 1, remainingMs: Math.max(1, ttlMs) })
      }
      const count = Number(entry.value) + 1
      entry.value = String(count)
      return Promise.resolve({ count, remainingMs: Math.max(1, entry.expiresAt - clock.now()) })
    },
    delete(key) {
      entries.delete(key)
      return Promise.resolve()
    },
    take(key) {
      const entry = live(key)
      entries.delete(key)
      return Promise.resolve(entry?.value)
    },
    lock(key, ttlMs) {
      const lockKey = `lock:${key}`
      const owner = randomBytes(16).toString('base64url')
      if (live(lockKey) !== undefined) return Promise.resolve(undefined)
      write(lockKey, owner, ttlMs)
      const held: StoreLock = {
        release() {
          if (live(lockKey)?.value === owner) entries.delete(lockKey)
          return Promise.resolve()
        },
      }
      return Promise.resolve(held)
    },
    close() {
      entries.clear()
      return Promise.resolve()
    },
  }
}
