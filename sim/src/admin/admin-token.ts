import { createHash, timingSafeEqual } from 'node:crypto'

import type { MiddlewareHandler } from 'hono'

import { apiError } from '../internal/api-error'

/** The shortest admin token the simulator accepts (about 190 bits as base64url). */
export const MIN_ADMIN_TOKEN_LENGTH = 32

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest()
}

/**
 * Requires `Authorization: Bearer <token>` on the admin API: needed once the simulator listens
 * beyond loopback, because `/__sim/issued-secrets` lists live token values. Compared in constant
 * time over SHA-256 digests, so neither the content nor the length of the token leaks.
 *
 * @param token - the admin token (`SIM_ADMIN_TOKEN`)
 * @returns middleware answering 401 `unauthorized` with `WWW-Authenticate: Bearer` otherwise
 */
export function requireAdminToken(token: string): MiddlewareHandler {
  const expected = digest(token)
  return async (c, next) => {
    const match = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')
    const given = match?.[1]
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      c.header('WWW-Authenticate', 'Bearer')
      return apiError(c, 401, 'unauthorized', 'The admin API needs its bearer token')
    }
    await next()
  }
}
