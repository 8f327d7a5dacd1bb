import type { Context, MiddlewareHandler } from 'hono'
import type Provider from 'oidc-provider'
import { z } from 'zod'

import type { FaultRegistry } from '../faults'
import type { FixtureCache } from '../fixtures/fixture-cache'
import type { SimState } from '../state'
import { apiError } from '../internal/api-error'
import { resolveBearer, type ResolvedToken } from '../internal/bearer'
import { faultGuard } from '../internal/fault-guard'

/** What the identity REST resources need. */
export interface IdentityRestDeps {
  provider: () => Provider
  state: SimState
  fixtures: FixtureCache
  faults: FaultRegistry
  now: () => Date
  /** Revoke every grant (and its tokens) matching a predicate on its outcome or account. */
  revokeGrants: (
    match: (grant: { grantId: string; accountId?: string | undefined }) => boolean,
  ) => void
}

/** Hono environment of the identity REST routes: the resolved client-level token. */
export type RestEnv = { Variables: { token: ResolvedToken } }

/** Paging and filter query shared by the list routes. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  userId: z.string().max(100).optional(),
  payeeId: z.string().max(100).optional(),
  startDate: z.string().max(40).optional(),
  endDate: z.string().max(40).optional(),
})

/**
 * Middleware pair for one identity REST route: count it and apply faults under `key`, then
 * require a client-level bearer token (no `sub`) holding one of `scopes`.
 *
 * @param deps - Provider accessor and fault registry.
 * @param key - Route key, e.g. `GET /users/:id`.
 * @param scopes - Accepted scopes (any one).
 * @returns The two middlewares; answers 401 `unauthorized` or 403 `forbidden` /
 *   `insufficient_scope` itself.
 */
export function restGuard(
  deps: Pick<IdentityRestDeps, 'provider' | 'faults'>,
  key: string,
  ...scopes: string[]
): [MiddlewareHandler, MiddlewareHandler<RestEnv>] {
  return [
    faultGuard(deps.faults, key),
    async (c: Context<RestEnv>, next: () => Promise<void>) => {
      const token = await resolveBearer(deps.provider(), c.req.header('authorization'))
      if (!token) return apiError(c, 401, 'unauthorized', 'A valid bearer access token is required')
      if (token.sub !== undefined) {
        return apiError(c, 403, 'forbidden', 'This route needs a client-level token (no sub)')
      }
      if (!scopes.some((scope) => token.scopes.has(scope))) {
        return apiError(
          c,
          403,
          'insufficient_scope',
          `The token needs scope ${scopes.join(' or ')}`,
        )
      }
      c.set('token', token)
      await next()
      return undefined
    },
  ]
}
