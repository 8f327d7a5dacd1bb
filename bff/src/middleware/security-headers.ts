import type { MiddlewareHandler } from 'hono'

import type { AppEnv } from '../context'

// The BFF serves JSON and redirects only: nothing may load, frame or be framed.
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

/**
 * Security headers on every BFF response: a deny-all CSP, nosniff, a strict Referrer-Policy,
 * no framing, `Cache-Control: no-store`, and HSTS (1 year, includeSubDomains) when the app is
 * served over https. Checklist C5.
 *
 * @param options.hsts - send Strict-Transport-Security (APP_ORIGIN is https)
 */
export function securityHeaders(options: { hsts: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    c.header('Content-Security-Policy', API_CSP)
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'no-referrer')
    c.header('X-Frame-Options', 'DENY')
    c.header('Cross-Origin-Resource-Policy', 'same-origin')
    c.header('Cache-Control', 'no-store')
    if (options.hsts) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
  }
}
