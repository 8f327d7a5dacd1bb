import { bankListQuerySchema, type BankListResponse } from '@mhkit/shared'
import { Hono } from 'hono'

import type { AppEnv } from '../context'
import { validate } from '../internal/validate'
import type { Services } from '../services'

/**
 * `GET /api/banks?kind=ais|payments&q=`: banks for the BankPicker, from Moneyhub's well-known
 * lists (cached). Errors: `invalid_request`, upstream codes when nothing is cached.
 */
export function bankRoutes(s: Services) {
  return new Hono<AppEnv>().get('/api/banks', validate('query', bankListQuerySchema), async (c) => {
    const { kind, q } = c.req.valid('query')
    let banks = await s.banks.list(kind)
    if (q !== undefined) {
      const needle = q.toLowerCase()
      banks = banks.filter((b) => b.name.toLowerCase().includes(needle))
    }
    const body: BankListResponse = { data: banks.slice(0, 2000) }
    return c.json(body, 200)
  })
}
