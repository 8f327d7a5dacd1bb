import { Hono } from 'hono'

import type { AppEnv } from '../context'
import { AppError } from '../errors'

/**
 * The payment routes of the contract, not served yet: they answer `not_implemented` (501)
 * behind the same CSRF, origin and content-type checks as every `/api` route. The connect
 * flow's kinds and the callback's outcome handling are generic, so payments plug in here.
 */
export function paymentRoutes() {
  return new Hono<AppEnv>()
    .post('/api/payments', () => {
      throw new AppError('not_implemented')
    })
    .get('/api/payments/:id', () => {
      throw new AppError('not_implemented')
    })
}
