import { randomUUID } from 'node:crypto'

import type { MiddlewareHandler } from 'hono'

import type { AppEnv } from '../context'
import { lazyChild, type Logger } from '../logger'
import { setResponseHeaders } from './response-headers'

/** Reads the peer address of a request (from `@hono/node-server`'s connection info). */
export type PeerAddress = (c: Parameters<MiddlewareHandler<AppEnv>>[0]) => string | undefined

/**
 * Gives every request an id (a fresh UUID; client-supplied ids are not trusted), a child
 * logger that stamps it on every line (made when first used), `X-Request-Id` on the response, the client IP for rate
 * limits, and one access-log line. docs/security.md L2–L4.
 *
 * @param options.logger - the root logger
 * @param options.trustProxy - take the IP from the last `X-Forwarded-For` hop (TRUST_PROXY)
 * @param options.peerAddress - the socket peer address
 */
export function requestContext(options: {
  logger: Logger
  trustProxy: boolean
  peerAddress: PeerAddress
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = randomUUID()
    c.set('requestId', requestId)
    c.set('log', lazyChild(options.logger, { requestId }))
    c.set('session', undefined)
    let ip = options.peerAddress(c)
    if (options.trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim()
      if (forwarded !== undefined && /^[0-9a-fA-F.:]{2,45}$/.test(forwarded)) ip = forwarded
    }
    c.set('clientIp', ip ?? 'unknown')
    const started = performance.now()
    await next()
    setResponseHeaders(c, [['X-Request-Id', requestId]])
    // The path only: query strings can carry codes and state (callback), which stay out of logs.
    // Written by the root logger with the id as a field: the same line as a child's, without
    // building a child for it.
    options.logger.info(
      {
        requestId,
        method: c.req.method,
        path: c.req.path.slice(0, 200),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    )
  }
}
