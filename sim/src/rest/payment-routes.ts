import { randomUUID } from 'node:crypto'
import { Hono } from 'hono'
import { z } from 'zod'

import type { SimPayment } from '../state'
import { apiError } from '../internal/api-error'
import { settleIfDue } from './payment-settlement'
import { pageQuery, restGuard, type IdentityRestDeps, type RestEnv } from './rest-context'

const payeeBody = z.object({
  accountNumber: z.string().regex(/^\d{8}$/),
  sortCode: z.string().regex(/^\d{6}$/),
  name: z.string().min(1).max(140),
  externalId: z.string().max(200).optional(),
  userId: z.string().max(100).optional(),
})

/**
 * Payees, payments and standing-order requests on the identity host: `POST/GET /payees`,
 * `GET /payees/:id`, `GET /payments`, `GET /payments/:id`, `GET /standing-orders/:id`. A pending
 * payment whose settlement time has come on the simulator clock is read in its final status.
 *
 * @param deps - Provider accessor, state, faults and clock.
 * @returns A Hono app mounted at the identity host's root.
 * @see https://docs.moneyhubenterprise.com/docs/payments-claim
 */
export function paymentRoutes(deps: IdentityRestDeps) {
  const { state } = deps
  const app = new Hono<RestEnv>()
  const guard = (key: string, ...scopes: string[]) => restGuard(deps, key, ...scopes)
  app.get('/payments', ...guard('GET /payments', 'payment:read'), (c) => {
    const query = pageQuery.safeParse(c.req.query())
    if (!query.success) return apiError(c, 400, 'invalid_query', 'Check limit and offset')
    const { offset, userId, payeeId, startDate, endDate } = query.data
    const limit = query.data.limit ?? 10
    const now = deps.now()
    for (const payment of state.payments.values()) settleIfDue(payment, now)
    const payments = [...state.payments.values()].filter(
      (payment) =>
        payment.clientId === c.get('token').clientId &&
        (!userId || payment.userId === userId) &&
        (!payeeId || payment.payeeId === payeeId) &&
        (!startDate || payment.initiatedAt >= startDate) &&
        (!endDate || payment.initiatedAt.slice(0, 10) <= endDate),
    )
    return c.json({
      data: payments.slice(offset, offset + limit).map(publicPayment),
      links: { self: c.req.url },
      meta: { limit, offset, total: payments.length },
    })
  })

  app.get('/payments/:id', ...guard('GET /payments/:id', 'payment:read'), (c) => {
    const payment = state.payments.get(c.req.param('id'))
    if (!payment || payment.clientId !== c.get('token').clientId) {
      return apiError(c, 404, 'not_found', 'Payment not found')
    }
    settleIfDue(payment, deps.now())
    return c.json({ data: publicPayment(payment), links: { self: c.req.url }, meta: {} })
  })

  app.post('/payees', ...guard('POST /payees', 'payee:create'), async (c) => {
    const body = payeeBody.safeParse(await c.req.json().catch(() => undefined))
    if (!body.success) {
      return apiError(
        c,
        400,
        'invalid_body',
        'Give accountNumber (8 digits), sortCode (6 digits) and name',
      )
    }
    const at = deps.now().toISOString()
    const payee = {
      id: randomUUID(),
      clientId: c.get('token').clientId,
      active: true,
      createdAt: at,
      modifiedAt: at,
      ...body.data,
    }
    state.payees.set(payee.id, payee)
    return c.json({ data: payee, meta: {} }, 201)
  })

  app.get('/payees', ...guard('GET /payees', 'payee:read'), (c) => {
    const query = pageQuery.safeParse(c.req.query())
    if (!query.success) return apiError(c, 400, 'invalid_query', 'Check limit and offset')
    const limit = query.data.limit ?? 100
    const payees = [...state.payees.values()].filter(
      (payee) =>
        payee.clientId === c.get('token').clientId &&
        (!query.data.userId || payee.userId === query.data.userId),
    )
    return c.json({
      data: payees.slice(query.data.offset, query.data.offset + limit),
      links: { self: c.req.url },
      meta: { total: payees.length },
    })
  })

  app.get('/payees/:id', ...guard('GET /payees/:id', 'payee:read'), (c) => {
    const payee = state.payees.get(c.req.param('id'))
    if (!payee || payee.clientId !== c.get('token').clientId) {
      return apiError(c, 404, 'not_found', 'Payee not found')
    }
    return c.json({ data: payee, meta: {} })
  })

  app.get('/standing-orders/:id', ...guard('GET /standing-orders/:id', 'payment:read'), (c) => {
    const order = state.standingOrders.get(c.req.param('id'))
    if (!order || order.clientId !== c.get('token').clientId) {
      return apiError(c, 404, 'not_found', 'Standing order not found')
    }
    const { clientId: _clientId, userId: _userId, ...data } = order
    return c.json({ data, meta: {} })
  })

  return app
}

/** The payment as Moneyhub returns it (without the simulator's bookkeeping). */
function publicPayment(payment: SimPayment) {
  const { clientId: _clientId, settlement: _settlement, ...rest } = payment
  return rest
}
