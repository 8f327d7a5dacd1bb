import { bankIconParamsSchema, bankListQuerySchema, type BankListResponse } from '@mhkit/shared'
import { Hono } from 'hono'

import { createBankIcons, type BankIconsOptions } from '../banks/bank-icons'
import type { AppEnv } from '../context'
import { validate } from '../internal/validate'
import type { Services } from '../services'

// An SVG is a document that can carry script: loaded as an <img> it never runs, but opened
// directly it would, on the app's origin. The sandbox and deny-all policy stop that.
const ICON_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"

/**
 * `GET /api/banks?kind=ais|payments&q=`: banks for the BankPicker, from Moneyhub's well-known
 * lists (cached); each bank's `iconUrl` is the same-origin path below. Errors:
 * `invalid_request`, upstream codes when nothing is cached.
 *
 * `GET /api/banks/:bankId/icon`: the bank's logo, fetched from Moneyhub's `iconUrl` once and
 * kept in memory (`banks/bank-icons.ts`), so the app's CSP can stay `img-src 'self'`. Public
 * (no session, no `X-CSRF`: an `<img>` loads it). Errors: `invalid_request` (malformed id),
 * `bank_not_found` (404, no upstream call), `upstream_error` (502, nothing of upstream's
 * answer passed on).
 *
 * @param s - the app's services
 * @param icons - how logos are fetched (the BFF's upstream fetch, the loopback opt-in)
 */
export function bankRoutes(s: Services, icons: BankIconsOptions = {}) {
  const bankIcons = createBankIcons(s.banks, icons)
  return new Hono<AppEnv>()
    .get('/api/banks', validate('query', bankListQuerySchema), async (c) => {
      const { kind, q } = c.req.valid('query')
      let banks = await s.banks.list(kind)
      if (q !== undefined) {
        const needle = q.toLowerCase()
        banks = banks.filter((b) => b.name.toLowerCase().includes(needle))
      }
      const body: BankListResponse = { data: banks.slice(0, 2000) }
      return c.json(body, 200)
    })
    .get('/api/banks/:bankId/icon', validate('param', bankIconParamsSchema), async (c) => {
      const icon = await bankIcons.get(c.req.valid('param').bankId)
      return c.body(icon.bytes, 200, {
        'Content-Type': icon.contentType,
        'Cache-Control': 'public, max-age=86400',
        'Content-Security-Policy': ICON_CSP,
        'X-Content-Type-Options': 'nosniff',
      })
    })
}
