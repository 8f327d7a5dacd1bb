import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'

import type { AppEnv } from '../context'
import { AppError } from '../errors'

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH'])

function hasBody(headers: { header(name: string): string | undefined }): boolean {
  const length = headers.header('content-length')
  return (
    (length !== undefined && length !== '0') || headers.header('transfer-encoding') !== undefined
  )
}

/**
 * Requires `Content-Type: application/json` on POST, PUT and PATCH (always) and on any other
 * request that carries a body, so form, multipart and text/plain bodies — the ones a
 * cross-site form can send without a preflight — get 415. docs/security.md C2.
 *
 * @throws AppError `unsupported_media_type` (415)
 */
export function requireJsonContentType(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (BODY_METHODS.has(c.req.method) || hasBody(c.req)) {
      const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase()
      if (type !== 'application/json') throw new AppError('unsupported_media_type')
    }
    await next()
  }
}

/**
 * Caps request bodies (default 16 KiB; every API body is a few hundred bytes).
 *
 * @param maxSize - bytes
 * @throws AppError `payload_too_large` (413)
 */
export function limitBody(maxSize = 16 * 1024): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError('payload_too_large')
    },
  })
  // A GET or HEAD request never has a body in the Fetch API (the adapter drops it), and asking
  // for it makes @hono/node-server build a full Request per call: skip the check for them.
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next))
}
