import { Hono, type Context } from 'hono'
import type Provider from 'oidc-provider'
import { z } from 'zod'

import type { FaultRegistry } from '../faults'
import type { FixtureCache } from '../fixtures/fixture-cache'
import type { FixtureAccount, FixtureTransaction } from '../fixtures/connection-fixtures'
import type { SimConnection, SimState } from '../state'
import { apiError } from '../internal/api-error'
import { resolveBearer, type ResolvedToken } from '../internal/bearer'
import { faultGuard } from '../internal/fault-guard'

/** What the data API needs from the simulator. */
export interface DataApiDeps {
  provider: () => Provider
  state: SimState
  fixtures: FixtureCache
  faults: FaultRegistry
  /** The simulator clock. */
  now: () => Date
  /** Absolute base of the data API (`http://127.0.0.1:<port>/v3`), for `links`. */
  apiUrl: () => string
  /** Called after a sync (the simulator sends `syncCompleted`). */
  onSynced?: (connection: SimConnection) => void
}

type Env = { Variables: { token: ResolvedToken & { sub: string } } }

const DATE = /^\d{4}-\d{2}-\d{2}$/
const pageQuery = {
  limit: z.coerce.number().int().min(1).max(1000).default(1000),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
}
const transactionsQuery = z.object({
  ...pageQuery,
  startDate: z.string().regex(DATE).optional(),
  endDate: z.string().regex(DATE).optional(),
  accountId: z.string().max(100).optional(),
  text: z.string().max(200).optional(),
})
const accountsQuery = z.object(pageQuery)

/**
 * The data API, like `api.moneyhub.co.uk/v3`: accounts, balances, transactions and sync, with
 * `{ data, links, meta }` envelopes, `{ code, message, correlationId }` errors, bearer tokens
 * (401 when missing or unknown) and per-route scopes (403 when missing, or when the consent has
 * expired).
 *
 * @param deps - Provider accessor, state, fixtures, faults and the public base URL.
 * @returns The Hono app (mounted at the data API port's root).
 * @see https://docs.moneyhubenterprise.com/docs/querying-data
 */
export function createDataApi(deps: DataApiDeps) {
  const app = new Hono<Env>()

  const requireScopes =
    (anyOf: string[][]) => async (c: Context<Env>, next: () => Promise<void>) => {
      const token = await resolveBearer(deps.provider(), c.req.header('authorization'))
      if (!token) return apiError(c, 401, 'unauthorized', 'A valid bearer access token is required')
      if (!token.sub) return apiError(c, 403, 'forbidden', 'This token is not for a user (no sub)')
      if (!anyOf.some((set) => set.every((scope) => token.scopes.has(scope)))) {
        return apiError(c, 403, 'insufficient_scope', 'The token lacks the scope this route needs')
      }
      c.set('token', { ...token, sub: token.sub })
      await next()
      return undefined
    }

  /** Connections the token may read: its own consent's for code-exchange tokens, else the user's. */
  const visibleConnections = (token: ResolvedToken & { sub: string }): SimConnection[] => {
    if (token.grantId) {
      const connectionId = deps.state.grantOutcomes.get(token.grantId)?.connectionId
      const connection = connectionId ? deps.state.connections.get(connectionId) : undefined
      return connection && connection.userId === token.sub ? [connection] : []
    }
    return deps.state.connectionsOf(token.sub)
  }

  /** Live (unexpired) connections, or `undefined` when every connection's consent has lapsed. */
  const liveConnections = (token: ResolvedToken & { sub: string }): SimConnection[] | undefined => {
    const all = visibleConnections(token)
    const live = all.filter((connection) => !deps.state.isExpired(connection))
    return all.length > 0 && live.length === 0 ? undefined : live
  }

  const accountsOf = (connections: SimConnection[], details: boolean): FixtureAccount[] =>
    connections.flatMap((connection) =>
      deps.fixtures
        .for(connection)
        .accounts.map((account) => (details ? account : { ...account, details: {} })),
    )

  const link = (c: Context, query?: Record<string, string>): string => {
    const url = new URL(deps.apiUrl() + c.req.path.replace(/^\/v3/, ''))
    for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value)
    return url.href
  }

  app.get(
    '/v3/accounts',
    faultGuard(deps.faults, 'GET /v3/accounts'),
    requireScopes([['accounts:read']]),
    (c) => {
      const query = accountsQuery.safeParse(c.req.query())
      if (!query.success)
        return apiError(c, 400, 'invalid_query', 'limit and offset must be non-negative integers')
      const token = c.get('token')
      const live = liveConnections(token)
      if (!live)
        return apiError(c, 403, 'consent_expired', 'The consent for this connection has expired')
      const all = accountsOf(live, token.scopes.has('accounts_details:read'))
      const { limit, offset } = query.data
      return c.json({
        data: all.slice(offset, offset + limit),
        links: { self: link(c, { limit: String(limit), offset: String(offset) }) },
        meta: { total: all.length },
      })
    },
  )

  const findAccount = (c: Context<Env>): { account: FixtureAccount } | { error: Response } => {
    const token = c.get('token')
    const id = c.req.param('id')
    for (const connection of visibleConnections(token)) {
      const account = deps.fixtures
        .for(connection)
        .accounts.find((candidate) => candidate.id === id)
      if (account) {
        if (deps.state.isExpired(connection)) {
          return {
            error: apiError(
              c,
              403,
              'consent_expired',
              'The consent for this connection has expired',
            ),
          }
        }
        return {
          account: token.scopes.has('accounts_details:read')
            ? account
            : { ...account, details: {} },
        }
      }
    }
    return { error: apiError(c, 404, 'not_found', 'Account not found') }
  }

  app.get(
    '/v3/accounts/:id',
    faultGuard(deps.faults, 'GET /v3/accounts/:id'),
    requireScopes([['accounts:read']]),
    (c) => {
      const found = findAccount(c)
      if ('error' in found) return found.error
      return c.json({ data: found.account, links: { self: link(c) }, meta: {} })
    },
  )

  app.get(
    '/v3/accounts/:id/balances',
    faultGuard(deps.faults, 'GET /v3/accounts/:id/balances'),
    requireScopes([['accounts:read']]),
    (c) => {
      const found = findAccount(c)
      if ('error' in found) return found.error
      return c.json({ data: [found.account.balance], links: { self: link(c) }, meta: {} })
    },
  )

  const readScopes = [
    ['transactions:read:all'],
    ['transactions:read:in'],
    ['transactions:read:out'],
  ]
  app.get(
    '/v3/transactions',
    faultGuard(deps.faults, 'GET /v3/transactions'),
    requireScopes(readScopes),
    (c) => {
      const query = transactionsQuery.safeParse(c.req.query())
      if (!query.success) {
        return apiError(
          c,
          400,
          'invalid_query',
          'Check limit, offset, startDate, endDate (YYYY-MM-DD), accountId and text',
        )
      }
      const token = c.get('token')
      const live = liveConnections(token)
      if (!live)
        return apiError(c, 403, 'consent_expired', 'The consent for this connection has expired')
      const { limit, offset, startDate, endDate, accountId, text } = query.data
      const needle = text?.toLowerCase()
      const direction = token.scopes.has('transactions:read:all')
        ? 'all'
        : token.scopes.has('transactions:read:in')
          ? 'in'
          : 'out'
      const matches = (tx: FixtureTransaction): boolean => {
        const day = tx.date.slice(0, 10)
        if (startDate && day < startDate) return false
        if (endDate && day > endDate) return false
        if (accountId && tx.accountId !== accountId) return false
        if (direction === 'in' && tx.amount.value < 0) return false
        if (direction === 'out' && tx.amount.value >= 0) return false
        if (
          needle &&
          !`${tx.shortDescription} ${tx.longDescription}`.toLowerCase().includes(needle)
        ) {
          return false
        }
        return true
      }
      const all = live
        .flatMap((connection) => deps.fixtures.for(connection).transactions)
        .filter(matches)
        .sort(
          (left, right) => right.date.localeCompare(left.date) || left.id.localeCompare(right.id),
        )
      const params: Record<string, string> = {}
      for (const [key, value] of Object.entries({ startDate, endDate, accountId, text })) {
        if (value !== undefined) params[key] = value
      }
      const links: Record<string, string> = {
        self: link(c, { ...params, limit: String(limit), offset: String(offset) }),
      }
      if (offset + limit < all.length) {
        links.next = link(c, { ...params, limit: String(limit), offset: String(offset + limit) })
      }
      if (offset > 0) {
        links.prev = link(c, {
          ...params,
          limit: String(limit),
          offset: String(Math.max(0, offset - limit)),
        })
      }
      return c.json({ data: all.slice(offset, offset + limit), links, meta: { total: all.length } })
    },
  )

  app.post(
    '/v3/sync/:connectionId',
    faultGuard(deps.faults, 'POST /v3/sync/:connectionId'),
    requireScopes([['accounts:read', 'accounts:write:all']]),
    (c) => {
      const token = c.get('token')
      const connection = deps.state.connections.get(c.req.param('connectionId'))
      if (!connection || connection.userId !== token.sub) {
        return apiError(c, 404, 'not_found', 'Connection not found')
      }
      if (deps.state.isExpired(connection)) {
        return apiError(c, 403, 'consent_expired', 'The consent for this connection has expired')
      }
      connection.lastUpdated = deps.now().toISOString()
      deps.onSynced?.(connection)
      return c.json({ data: { status: 'ok' }, links: { self: link(c) }, meta: {} })
    },
  )

  app.notFound((c) => apiError(c, 404, 'not_found', 'No such route'))
  app.onError((_error, c) => apiError(c, 500, 'internal_error', 'The simulator failed to answer'))
  return app
}
