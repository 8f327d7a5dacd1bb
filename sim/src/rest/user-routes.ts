import { Hono, type Context } from 'hono'
import { z } from 'zod'

import type { FixtureCache } from '../fixtures/fixture-cache'
import type { SimConnection, SimState } from '../state'
import { apiError } from '../internal/api-error'
import { pageQuery, restGuard, type IdentityRestDeps, type RestEnv } from './rest-context'

const DAY_MS = 24 * 3600 * 1000
const createUserBody = z.object({ clientUserId: z.string().min(1).max(200).optional() })
const patchConnectionBody = z.object({ expiresAt: z.iso.datetime({ offset: true }) })

/** A connection as Moneyhub's `UserConnection` (docs/moneyhub-protocol.md §9.6). */
function userConnection(state: SimState, fixtures: FixtureCache, connection: SimConnection) {
  const expired = state.isExpired(connection)
  return {
    id: connection.id,
    name: connection.name,
    type: connection.type,
    connectedOn: connection.connectedOn,
    lastUpdated: connection.lastUpdated,
    expiresAt: connection.expiresAt,
    accountIds: fixtures.for(connection).accounts.map((account) => account.id),
    status: connection.status,
    error: connection.error,
    extendedStatus: expired ? 'expired' : connection.extendedStatus,
    userConsentedAt: connection.userConsentedAt,
    tppConsent: connection.tppConsent,
    singleSyncOnly: false,
    useMfa: false,
  }
}

/**
 * Users and their connections on the identity host: `POST/GET/DELETE /users`,
 * `GET /users/:id/connections`, `DELETE /users/:id/connection/:connectionId` (singular, revokes
 * the connection's grants) and `PATCH /users/:id/connections/:connectionId`.
 *
 * @param deps - Provider accessor, state, fixtures, faults, clock and grant revocation.
 * @returns A Hono app mounted at the identity host's root.
 * @see https://docs.moneyhubenterprise.com/docs/client-credentials-token
 */
export function userRoutes(deps: IdentityRestDeps) {
  const { state } = deps
  const app = new Hono<RestEnv>()
  const guard = (key: string, ...scopes: string[]) => restGuard(deps, key, ...scopes)
  const ownUser = (c: Context<RestEnv>) => {
    const user = state.users.get(c.req.param('id') ?? '')
    return user && user.clientId === c.get('token').clientId ? user : undefined
  }

  app.post('/users', ...guard('POST /users', 'user:create'), async (c) => {
    const body = createUserBody.safeParse(await c.req.json().catch(() => ({})))
    if (!body.success)
      return apiError(c, 400, 'invalid_body', 'clientUserId must be a short string')
    const user = state.createUser(c.get('token').clientId, body.data.clientUserId ?? null)
    return c.json(user, 201)
  })

  app.get('/users', ...guard('GET /users', 'user:read'), (c) => {
    const query = pageQuery.safeParse(c.req.query())
    if (!query.success) return apiError(c, 400, 'invalid_query', 'Check limit and offset')
    const limit = query.data.limit ?? 100
    const users = [...state.users.values()].filter(
      (user) => user.clientId === c.get('token').clientId,
    )
    return c.json({
      data: users.slice(query.data.offset, query.data.offset + limit),
      meta: { total: users.length, limit, offset: query.data.offset },
    })
  })

  app.get('/users/:id', ...guard('GET /users/:id', 'user:read'), (c) => {
    const user = ownUser(c)
    return user ? c.json(user) : apiError(c, 404, 'not_found', 'User not found')
  })

  app.delete('/users/:id', ...guard('DELETE /users/:id', 'user:delete'), (c) => {
    const user = ownUser(c)
    if (!user) return apiError(c, 404, 'not_found', 'User not found')
    for (const connectionId of user.connectionIds) deps.fixtures.drop(connectionId)
    deps.revokeGrants((grant) => grant.accountId === user.userId)
    state.deleteUser(user.userId)
    return c.body(null, 204)
  })

  app.get(
    '/users/:id/connections',
    ...guard('GET /users/:id/connections', 'connection:read', 'user:read'),
    (c) => {
      const user = ownUser(c)
      if (!user) return apiError(c, 404, 'not_found', 'User not found')
      const data = state
        .connectionsOf(user.userId)
        .map((connection) => userConnection(state, deps.fixtures, connection))
      return c.json({ data, meta: { total: data.length } })
    },
  )

  app.delete(
    '/users/:id/connection/:connectionId',
    ...guard('DELETE /users/:id/connection/:connectionId', 'connection:delete', 'user:delete'),
    (c) => {
      const user = ownUser(c)
      const connectionId = c.req.param('connectionId')
      const connection = state.connections.get(connectionId)
      if (!user || !connection || connection.userId !== user.userId) {
        return apiError(c, 404, 'not_found', 'Connection not found')
      }
      deps.revokeGrants(
        (grant) => state.grantOutcomes.get(grant.grantId)?.connectionId === connectionId,
      )
      deps.fixtures.drop(connectionId)
      state.deleteConnection(connectionId)
      return c.body(null, 204)
    },
  )

  app.patch(
    '/users/:id/connections/:connectionId',
    ...guard('PATCH /users/:id/connections/:connectionId', 'connection:update'),
    async (c) => {
      const user = ownUser(c)
      const connection = state.connections.get(c.req.param('connectionId'))
      if (!user || !connection || connection.userId !== user.userId) {
        return apiError(c, 404, 'not_found', 'Connection not found')
      }
      const body = patchConnectionBody.safeParse(await c.req.json().catch(() => undefined))
      if (!body.success)
        return apiError(c, 400, 'invalid_body', 'expiresAt must be an ISO date-time')
      const expiresAt = Date.parse(body.data.expiresAt)
      const nowMs = deps.now().getTime()
      if (expiresAt <= nowMs || expiresAt > nowMs + 90 * DAY_MS) {
        return apiError(c, 400, 'invalid_body', 'expiresAt must be in the next 90 days')
      }
      connection.expiresAt = new Date(expiresAt).toISOString()
      connection.extendedStatus = null
      return c.body(null, 204)
    },
  )

  return app
}
