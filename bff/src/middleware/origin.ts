import type { MiddlewareHandler } from 'hono'

import type { AppEnv } from '../context'
import { AppError } from '../errors'
import { CSRF_EXEMPT_PATHS } from './csrf'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * On state-changing requests, requires `Origin` to equal the app origin (or an allowlisted
 * CORS origin) exactly, and refuses `Sec-Fetch-Site: cross-site`. docs/security.md C3.
 *
 * The callback is exempt: the identity service sends the browser back with a cross-site
 * top-level navigation by design; it is guarded by the single-use login transaction, its
 * Lax cookie and the state check instead.
 *
 * @param options.allowed - exact origins (APP_ORIGIN plus CORS_ORIGINS)
 * @throws AppError `origin_mismatch` (403)
 */
export function requireSameOrigin(options: {
  allowed: readonly string[]
}): MiddlewareHandler<AppEnv> {
  const allowed = new Set(options.allowed)
  return async (c, next) => {
    if (CSRF_EXEMPT_PATHS.has(c.req.path)) return next()
    const crossSite = c.req.header('sec-fetch-site') === 'cross-site'
    if (!SAFE_METHODS.has(c.req.method) || crossSite) {
      const origin = c.req.header('origin')
      if (crossSite || origin === undefined || !allowed.has(origin)) {
        c.var.log.warn({ event: 'security', reason: 'origin_mismatch' }, 'request rejected')
        throw new AppError('origin_mismatch')
      }
    }
    await next()
  }
}
