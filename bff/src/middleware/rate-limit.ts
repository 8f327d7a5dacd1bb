import type { Context, MiddlewareHandler } from 'hono'

import type { Clock } from '../clock'
import type { AppEnv } from '../context'
import { AppError } from '../errors'
import { hashId } from '../session/ids'
import { readSessionCookie } from '../session/cookies'
import type { Store } from '../session/store'

/** A fixed-window limit: at most `max` hits per `windowMs`. */
export interface RateLimit {
  max: number
  windowMs: number
}

/**
 * Counts hits per key in fixed windows, in process memory. With several BFF instances each
 * counts on its own, so the effective limit is per instance: used for the general `/api/*`
 * limit, which runs on every request (documented in the README).
 */
export interface RateLimiter {
  /** Records a hit; returns seconds to wait when over the limit, else undefined. */
  hit(key: string): number | undefined
}

/**
 * Counts hits per key in fixed windows in the shared {@link Store} (`Store.incr`), so every
 * BFF instance over one store counts against one limit. One store round trip per hit: used
 * for the low-volume connect and callback limits only.
 */
interface SharedRateLimiter {
  /** Records a hit; resolves to seconds to wait when over the limit, else undefined. */
  hit(key: string): Promise<number | undefined>
}

/**
 * Creates a {@link SharedRateLimiter}. Keys are `rl:<name>:<sha256(key)>`, so client IPs
 * and session ids are never store keys as they are, and a key's length is bounded.
 *
 * @param limit - hits per window
 * @param store - the shared store (its clock, or Redis's, times the windows)
 * @param name - which limit and dimension, e.g. `connect:ip`
 * @throws whatever the store throws (a store outage fails the request closed)
 */
function createSharedRateLimiter(limit: RateLimit, store: Store, name: string): SharedRateLimiter {
  return {
    async hit(key) {
      const { count, remainingMs } = await store.incr(`rl:${name}:${hashId(key)}`, limit.windowMs)
      if (count <= limit.max) return undefined
      return Math.max(1, Math.ceil(remainingMs / 1000))
    },
  }
}

/**
 * Creates a {@link RateLimiter}.
 *
 * @param limit - hits per window
 * @param clock - time source (tests advance a fake clock instead of sleeping)
 */
export function createRateLimiter(limit: RateLimit, clock: Clock): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>()
  let lastSweep = clock.now()
  return {
    hit(key) {
      const now = clock.now()
      if (now - lastSweep > limit.windowMs) {
        for (const [k, w] of windows) if (now - w.start >= limit.windowMs) windows.delete(k)
        lastSweep = now
      }
      let w = windows.get(key)
      if (w === undefined || now - w.start >= limit.windowMs) {
        w = { start: now, count: 0 }
        windows.set(key, w)
      }
      w.count += 1
      if (w.count <= limit.max) return undefined
      return Math.max(1, Math.ceil((w.start + limit.windowMs - now) / 1000))
    },
  }
}

function sessionKey(c: Context<AppEnv>): string | undefined {
  const id = readSessionCookie(c)
  return id === undefined ? undefined : hashId(id)
}

/** One limiter, in process memory or in the shared store. */
type Limiter = (key: string) => number | undefined | Promise<number | undefined>

function limiter(
  limit: RateLimit,
  options: { clock: Clock; store?: Store },
  name: string,
): Limiter {
  if (options.store !== undefined) {
    const shared = createSharedRateLimiter(limit, options.store, name)
    return (key) => shared.hit(key)
  }
  const local = createRateLimiter(limit, options.clock)
  return (key) => local.hit(key)
}

/**
 * Rate-limits a route per client IP and per session (when there is one). Over the limit the
 * answer is 429 `rate_limited` with `Retry-After`, before any session load or upstream work.
 * With `store` the counts live in the shared store (all instances share the limit; one store
 * round trip per hit), without it in process memory (per instance). docs/security.md I8.
 *
 * @param options.name - which limit (for the security log and the store keys)
 * @param options.perIp - limit per client IP
 * @param options.perSession - limit per session cookie
 * @param options.clock - time source of the in-memory counts
 * @param options.store - count in this store instead of process memory
 * @throws AppError `rate_limited` (429)
 */
export function rateLimit(options: {
  name: string
  perIp: RateLimit
  perSession?: RateLimit
  clock: Clock
  store?: Store
}): MiddlewareHandler<AppEnv> {
  const byIp = limiter(options.perIp, options, `${options.name}:ip`)
  const bySession =
    options.perSession === undefined
      ? undefined
      : limiter(options.perSession, options, `${options.name}:session`)
  return async (c, next) => {
    let wait = await byIp(c.var.clientIp)
    const session = bySession === undefined ? undefined : sessionKey(c)
    if (wait === undefined && bySession !== undefined && session !== undefined) {
      wait = await bySession(session)
    }
    if (wait !== undefined) {
      c.var.log.warn(
        { event: 'security', reason: 'rate_limited', limit: options.name },
        'rate limited',
      )
      throw new AppError('rate_limited', { retryAfter: wait })
    }
    await next()
  }
}
