import type { MiddlewareHandler } from 'hono'

import { isBankIconPath } from '../banks/bank-icon-path'
import type { AppEnv } from '../context'
import { setResponseHeaders } from './response-headers'

// The BFF serves JSON and redirects only: nothing may load, frame or be framed.
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

const BASE_HEADERS = [
  ['Content-Security-Policy', API_CSP],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Cache-Control', 'no-store'],
] as const
const HSTS = ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'] as const
// A bank logo that was served keeps the cache and sandboxing CSP its route set
// (routes/banks.ts); every other header still applies.
const ICON_OVERRIDABLE = new Set(['Content-Security-Policy', 'Cache-Control'])

/**
 * Security headers on every BFF response: a deny-all CSP, nosniff, a strict Referrer-Policy,
 * no framing, `Cache-Control: no-store`, and HSTS (1 year, includeSubDomains) when the app is
 * served over https. docs/security.md C5. A served bank logo keeps its own `Cache-Control`
 * (public, a day) and its sandboxing CSP.
 *
 * @param options.hsts - send Strict-Transport-Security (APP_ORIGIN is https)
 */
export function securityHeaders(options: { hsts: boolean }): MiddlewareHandler<AppEnv> {
  // Built once: the same list for every response. Set after the handler so they win over
  // anything a handler set.
  const headers = options.hsts ? [...BASE_HEADERS, HSTS] : BASE_HEADERS
  const iconHeaders = headers.filter(([name]) => !ICON_OVERRIDABLE.has(name))
  return async (c, next) => {
    await next()
    const icon = c.res.status === 200 && isBankIconPath(c.req.path)
    setResponseHeaders(c, icon ? iconHeaders : headers)
  }
}
