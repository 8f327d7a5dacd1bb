import type { MiddlewareHandler } from 'hono'

import type { AppEnv } from '../context'
import { setResponseHeaders } from './response-headers'

// No other BFF response varies, so this sets Vary rather than appending to it.
const VARY = [['Vary', 'Origin']] as const

/** Options of {@link corsAllowlist}. */
export interface CorsAllowlistOptions {
  /** Exact origins (`scheme://host[:port]`) allowed cross-origin with credentials. */
  origins: readonly string[]
  /** Request headers a preflight may ask for. */
  allowHeaders: readonly string[]
  /** Methods a preflight may ask for. */
  allowMethods: readonly string[]
  /** Seconds a browser may cache a preflight answer. */
  maxAgeSeconds: number
}

/**
 * CORS for an exact allowlist of origins (CORS_ORIGINS). A request whose `Origin` is listed gets
 * `Access-Control-Allow-Origin: <that origin>` and `Access-Control-Allow-Credentials: true`, and
 * its preflight is answered 204. Any other origin, `null` included, gets no CORS header at all
 * (credentials included) and its preflight goes on to the CSRF check, which refuses it. Every
 * answer varies by `Origin`. docs/security.md C4.
 *
 * Why not hono's `cors()`: it sends `Access-Control-Allow-Credentials` to every origin and
 * answers every preflight 204, listed or not.
 *
 * @param options - see {@link CorsAllowlistOptions}
 */
export function corsAllowlist(options: CorsAllowlistOptions): MiddlewareHandler<AppEnv> {
  const allowed: ReadonlySet<string> = new Set(options.origins)
  const preflightHeaders = [
    ['Access-Control-Allow-Methods', options.allowMethods.join(',')],
    ['Access-Control-Allow-Headers', options.allowHeaders.join(',')],
    ['Access-Control-Max-Age', String(options.maxAgeSeconds)],
  ] as const
  return async (c, next) => {
    const origin = c.req.header('origin')
    if (origin === undefined || !allowed.has(origin)) {
      await next()
      // The answer depends on Origin: a shared cache must not serve it to a listed origin.
      setResponseHeaders(c, VARY)
      return
    }
    const grant = [
      ['Access-Control-Allow-Origin', origin],
      ['Access-Control-Allow-Credentials', 'true'],
      ...VARY,
    ] as const
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined) {
      const headers = new Headers()
      for (const [name, value] of [...grant, ...preflightHeaders]) headers.set(name, value)
      return new Response(null, { status: 204, headers })
    }
    await next()
    setResponseHeaders(c, grant)
  }
}
