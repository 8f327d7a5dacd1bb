import type { MiddlewareHandler } from 'hono'

import type { AppEnv } from '../context'
import { AppError } from '../errors'

/**
 * Refuses `HEAD` on `/api` before any other work. Hono answers `HEAD` by running the `GET`
 * handler and dropping the body, so a `HEAD /api/callback` would exchange the code and set a
 * session cookie, and other routes would count rate limits, slide sessions or expire flows.
 * No browser or kit call needs `HEAD` there. docs/security.md LL4 (no route with side
 * effects performs them for `HEAD`).
 *
 * @throws AppError `method_not_allowed` (405, with `Allow: GET`)
 */
export function refuseHead(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'HEAD') {
      c.header('Allow', 'GET')
      throw new AppError('method_not_allowed', { reason: 'head_refused' })
    }
    await next()
  }
}
