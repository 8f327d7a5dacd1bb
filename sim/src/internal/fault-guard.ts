import type { MiddlewareHandler } from 'hono'

import type { FaultRegistry } from '../faults'

/**
 * Middleware that counts a route under its key and applies any injected fault for it.
 *
 * @param faults - The simulator's fault registry.
 * @param key - Route key, e.g. `GET /v3/accounts`.
 * @returns Hono middleware.
 */
export function faultGuard(faults: FaultRegistry, key: string): MiddlewareHandler {
  return async (c, next) => {
    faults.count(key)
    const outcome = await faults.apply([key])
    if (outcome.kind === 'respond') {
      return new Response(outcome.body, { status: outcome.status, headers: outcome.headers })
    }
    await next()
    return undefined
  }
}
