import type { Store } from './store'

/** Seconds a client is told to wait (`Retry-After`) while the store is unreachable. */
export const STORE_RETRY_AFTER_SECONDS = 2

/**
 * The session store did not answer (Redis down or restarting, SQLite busy or its disk
 * failing). The error mapper answers 503 `service_unavailable` with `Retry-After`: the request
 * may succeed a moment later, and nothing about it was wrong (ISSUE: "store outages answer 503
 * with Retry-After"). The store's own error stays off the enumerable fields (never logged as
 * data: it may quote a key).
 */
export class StoreUnavailableError extends Error {
  /** Which store operation failed (for the log). */
  readonly operation: string

  constructor(operation: string, cause: unknown) {
    super(`session store unavailable (${operation})`)
    this.name = 'StoreUnavailableError'
    this.operation = operation
    Object.defineProperty(this, 'cause', { value: cause, enumerable: false })
  }
}

/**
 * Wraps a {@link Store} so that every failure of the store itself is a
 * {@link StoreUnavailableError}, whatever the implementation throws. Nothing is retried or
 * cached here: the next request asks the store again, so the BFF recovers by itself as soon
 * as the store answers (the Redis client reconnects on its own; SQLite is a file).
 *
 * @param store - the real store
 * @returns a store with the same behaviour and typed failures
 */
export function guardStore(store: Store): Store {
  const guard =
    <A extends unknown[], R>(operation: string, call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args)
      } catch (error) {
        throw error instanceof StoreUnavailableError
          ? error
          : new StoreUnavailableError(operation, error)
      }
    }
  const lock = guard('lock', (key: string, ttlMs: number) => store.lock(key, ttlMs))
  return {
    get: guard('get', (key) => store.get(key)),
    set: guard('set', (key, value, ttlMs) => store.set(key, value, ttlMs)),
    add: guard('add', (key, value, ttlMs) => store.add(key, value, ttlMs)),
    replace: guard('replace', (key, value, ttlMs) => store.replace(key, value, ttlMs)),
    incr: guard('incr', (key, ttlMs) => store.incr(key, ttlMs)),
    delete: guard('delete', (key) => store.delete(key)),
    take: guard('take', (key) => store.take(key)),
    async lock(key, ttlMs) {
      const held = await lock(key, ttlMs)
      if (held === undefined) return undefined
      return { release: guard('release', () => held.release()) }
    },
    close: () => store.close(),
  }
}
