import { randomBytes } from 'node:crypto'

import type * as IoRedis from 'ioredis'

import { loadOptionalPeer } from '../internal/optional-peer'

import type { Store, StoreLock } from './store'

// Deletes the lock only if it still holds our owner token (never someone else's lock).
const RELEASE_SCRIPT =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"

// A fixed-window counter: INCR, and the window's expiry set on the first hit only (also when
// a counter somehow has none, so it can never live forever). Returns { count, pttl }.
const INCR_SCRIPT = `local n = redis.call('incr', KEYS[1])
local t = redis.call('pttl', KEYS[1])
if n == 1 or t < 0 then
  redis.call('pexpire', KEYS[1], ARGV[1])
  t = tonumber(ARGV[1])
end
return {n, t}`

// Redis answers in well under a millisecond; a second without an answer means it is gone.
const COMMAND_TIMEOUT_MS = 1_000

/**
 * A {@link Store} on Redis, for several BFF instances behind a load balancer. TTLs are kept
 * by Redis itself (its clock, not an injected one); `take` is `GETDEL` and locks are
 * `SET NX PX` with an owner token, `replace` is `SET XX PX` (a fresh TTL, never a key without
 * one) and `incr` a small Lua script, so all are atomic across instances. Needs the optional
 * dependency `ioredis`, loaded on the first call.
 *
 * @param options.url - redis:// or rediss:// URL (REDIS_URL)
 * @param options.prefix - key prefix, so one Redis can serve several apps (default `mhkit:`)
 */
export function createRedisStore(options: { url: string; prefix?: string }): Store {
  const prefix = options.prefix ?? 'mhkit:'
  const { Redis } = loadOptionalPeer<typeof IoRedis>('ioredis', '^5', 'The Redis session store')
  const redis = new Redis(options.url, {
    lazyConnect: false,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    connectTimeout: 5000,
    // While Redis is down or restarting, a command (queued or sent) fails within this bound
    // instead of waiting out the reconnect back-off, so the request answers 503 at once; the
    // client keeps reconnecting by itself and the next request succeeds once Redis is back.
    commandTimeout: COMMAND_TIMEOUT_MS,
  })
  // Connection errors surface on the commands that fail; without a listener ioredis would
  // also print them as unhandled 'error' events.
  redis.on('error', () => undefined)
  const k = (key: string): string => prefix + key

  return {
    async get(key) {
      return (await redis.get(k(key))) ?? undefined
    },
    async set(key, value, ttlMs) {
      await redis.set(k(key), value, 'PX', Math.max(1, Math.ceil(ttlMs)))
    },
    async add(key, value, ttlMs) {
      const ok = await redis.set(k(key), value, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')
      return ok === 'OK'
    },
    async replace(key, value, ttlMs) {
      const ok = await redis.set(k(key), value, 'PX', Math.max(1, Math.ceil(ttlMs)), 'XX')
      return ok === 'OK'
    },
    async incr(key, ttlMs) {
      const window = Math.max(1, Math.ceil(ttlMs))
      const [count, pttl] = (await redis.eval(INCR_SCRIPT, 1, k(key), window)) as [number, number]
      return { count, remainingMs: Math.max(1, pttl) }
    },
    async delete(key) {
      await redis.del(k(key))
    },
    async take(key) {
      return (await redis.getdel(k(key))) ?? undefined
    },
    async lock(key, ttlMs) {
      const lockKey = k(`lock:${key}`)
      const owner = randomBytes(16).toString('base64url')
      const ok = await redis.set(lockKey, owner, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')
      if (ok !== 'OK') return undefined
      const held: StoreLock = {
        async release() {
          await redis.eval(RELEASE_SCRIPT, 1, lockKey, owner)
        },
      }
      return held
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}
