import {
  accountParamsSchema,
  transactionsQuerySchema,
  type AccountListResponse,
  type AccountResponse,
  type TransactionPage,
} from '@mhkit/shared'
import { Hono } from 'hono'

import type { AppEnv } from '../context'
import { toAccount } from '../mappers/account'
import { toTransaction } from '../mappers/transaction'
import { validate } from '../internal/validate'
import type { Services } from '../services'
import { requireUser } from '../user-binding'

function today(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/**
 * The user's data: `GET /api/accounts`, `GET /api/accounts/:id`, `GET /api/transactions`.
 * Session → Moneyhub user → `tokenForUser(sub, scopes)` (cached, single-flight in the client)
 * → data API → upstream shape checked by the client → mapped to the shared contract.
 *
 * Errors: `unauthenticated` / `session_expired` (401), `invalid_request` (ids and query, before
 * any upstream call), `not_found`, `reauth_required`, upstream codes.
 */
export function dataRoutes(s: Services) {
  return new Hono<AppEnv>()
    .get('/api/accounts', async (c) => {
      const sub = await requireUser(c, s.userBinding)
      const page = await s.moneyhub.getAccounts(sub)
      const day = today(s.clock.now())
      const body: AccountListResponse = { data: page.data.map((a) => toAccount(a, day)) }
      return c.json(body, 200)
    })
    .get('/api/accounts/:id', validate('param', accountParamsSchema), async (c) => {
      const sub = await requireUser(c, s.userBinding)
      const { id } = c.req.valid('param')
      const account = await s.moneyhub.getAccount(sub, id)
      const body: AccountResponse = { data: toAccount(account, today(s.clock.now())) }
      return c.json(body, 200)
    })
    .get('/api/transactions', validate('query', transactionsQuerySchema), async (c) => {
      const sub = await requireUser(c, s.userBinding)
      const q = c.req.valid('query')
      const page = await s.moneyhub.getTransactions(sub, {
        limit: q.limit,
        offset: q.offset,
        ...(q.accountId === undefined ? {} : { accountId: q.accountId }),
        ...(q.startDate === undefined ? {} : { startDate: q.startDate }),
        ...(q.endDate === undefined ? {} : { endDate: q.endDate }),
        ...(q.text === undefined ? {} : { text: q.text }),
      })
      const data = page.data.slice(0, q.limit).map((t) => toTransaction(t, q.accountId))
      const body: TransactionPage = {
        data,
        page: {
          limit: q.limit,
          offset: q.offset,
          nextOffset: data.length === q.limit ? q.offset + q.limit : null,
        },
      }
      return c.json(body, 200)
    })
}
