import type { MiddlewareHandler } from 'hono'

import { isBankIconPath } from '../banks/bank-icon-path'
import type { AppEnv } from '../context'
import { AppError } from '../errors'

/** Routes under `/api` that a browser reaches by top-level navigation, so carry no header. */
export const CSRF_EXEMPT_PATHS: ReadonlySet<string> = new Set(['/api/callback'])

/**
 * Requires the static `X-CSRF: 1` header on every `/api` request except the callback and the
 * bank logos an `<img>` loads (public bytes, no session data), GET included, before any session or token is looked up: a cross-site page cannot set a custom
 * header without a CORS preflight the BFF never grants. docs/security.md C1, C7.
 *
 * @throws AppError `csrf_header_missing` (403)
 */
export function requireCsrfHeader(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const exempt = CSRF_EXEMPT_PATHS.has(c.req.path) || isBankIconPath(c.req.path)
    if (!exempt && c.req.header('x-csrf') !== '1') {
      c.var.log.warn({ event: 'security', reason: 'csrf_header_missing' }, 'request rejected')
      throw new AppError('csrf_header_missing')
    }
    await next()
  }
}
