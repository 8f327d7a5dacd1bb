import type { Context, MiddlewareHandler } from 'hono'

import type { Clock } from '../clock'
import type { AppEnv } from '../context'
import { AppError } from '../errors'
import { hashId } from '../session/ids'
import { readSessionCookie } from '../session/cookies'

/** A fixed-window limit: at most `max` hits per `windowMs`. */
export interface RateLimit {
  max: number
  windowMs: number
}

/**
 * Counts hits per key in fixed windows, in process memory. With several BFF instances each
 * counts on its own, so the effective limit is per instance (documented in the README).
 */
export interface RateLimiter {
  /** Records a hit; returns seconds to wait when over the limit, else undefined. */
  hit(key: string): number | undefined
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

/**
 * Rate-limits a route per client IP and per session (when there is one). Over the limit the
 * answer is 429 `rate_limited` with `Retry-After`, before any store or upstream work.
 * Checklist I8.
 *
 * @param options.name - which limit (for the security log)
 * @param options.perIp - limit per client IP
 * @param options.perSession - limit per session cookie
 * @throws AppError `rate_limited` (429)
 */
export function rateLimit(options: {
  name: string
  perIp: RateLimit
  perSession?: RateLimit
  clock: Clock
}): MiddlewareHandler<AppEnv> {
  const byIp = createRateLimiter(options.perIp, options.clock)
  const bySession =
    options.perSession === undefined
      ? undefined
      : createRateLimiter(options.perSession, options.clock)
  return async (c, next) => {
    let wait = byIp.hit(c.var.clientIp)
    const session = bySession === undefined ? undefined : sessionKey(c)
    if (wait === undefined && bySession !== undefined && session !== undefined) {
      wait = bySession.hit(session)
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
