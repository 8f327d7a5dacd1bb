import type { PayeeListResponse } from '@mhkit/shared'
import { Hono } from 'hono'

import type { AppEnv } from '../context'
import { listPayees } from '../payments/payees'
import { requestOwner } from '../payments/payment-ledger'
import type { Services } from '../services'

/**
 * `GET /api/payees` — "your payees": the distinct payees (Moneyhub payee id and name) of the
 * payments, VRP consents and standing orders this browser's session or its user started, most
 * recently used first, so a person can pay someone again without typing bank details. Read
 * from the payment ledger only; another session's payees are never listed. Like
 * `GET /api/payments`: 401 `unauthenticated` without a session.
 */
export function payeeRoutes(s: Services) {
  return new Hono<AppEnv>().get('/api/payees', async (c) => {
    const owner = await requestOwner(c, s)
    const body: PayeeListResponse = { data: await listPayees(s.payments, owner) }
    return c.json(body, 200)
  })
}
