import {
  claims,
  scopePresets,
  standingOrderParamsSchema,
  standingOrderRequestSchema,
  type StandingOrderListResponse,
  type StandingOrderResponse,
} from '@mhkit/shared'
import { Hono } from 'hono'

import type { AppEnv } from '../context'
import { AppError } from '../errors'
import { validate } from '../internal/validate'
import type { StandingOrderDetails } from '../payments/payment-intents'
import { requestOwner } from '../payments/payment-ledger'
import { toStandingOrder } from '../payments/payment-mappers'
import { startPaymentFlow } from '../payments/start-payment-flow'
import { orNotFound, utcDate } from '../payments/upstream'
import type { Services } from '../services'

const REPEAT = { daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly' } as const

/**
 * Standing orders (issue 10, docs/moneyhub-protocol.md §4.9):
 *
 * - `POST /api/standing-orders` — set one up at the user's bank (payee, reference, frequency,
 *   first payment date and amount, number of payments or final date) as a redirect flow.
 * - `GET /api/standing-orders[/:id]` — the standing orders this browser's session or user set
 *   up; any other id is 404 `standing_order_not_found`.
 */
export function standingOrderRoutes(s: Services) {
  const read = (id: string) =>
    orNotFound(s.moneyhub.getStandingOrder(id), 'standing_order_not_found')

  return new Hono<AppEnv>()
    .post('/api/standing-orders', validate('json', standingOrderRequestSchema), async (c) => {
      const body = c.req.valid('json')
      if (body.firstPaymentDate < utcDate(s.clock.now())) {
        throw new AppError('invalid_request', {
          issues: [{ path: 'firstPaymentDate', message: 'must not be in the past' }],
        })
      }
      const sub = await s.userBinding.get(c)
      const details: StandingOrderDetails = {
        reference: body.reference,
        ...(body.payeeId === undefined ? {} : { payeeId: body.payeeId }),
        ...(body.payee === undefined ? {} : { payeeName: body.payee.name }),
        frequency: body.frequency,
        firstPaymentAmount: body.firstPaymentAmount,
        ...(body.recurringPaymentAmount === undefined
          ? {}
          : { recurringPaymentAmount: body.recurringPaymentAmount }),
        ...(body.finalPaymentAmount === undefined
          ? {}
          : { finalPaymentAmount: body.finalPaymentAmount }),
        firstPaymentDate: body.firstPaymentDate,
        ...(body.finalPaymentDate === undefined ? {} : { finalPaymentDate: body.finalPaymentDate }),
        ...(body.numberOfPayments === undefined ? {} : { numberOfPayments: body.numberOfPayments }),
      }
      let builder = claims()
      if (sub !== undefined) builder = builder.sub(sub)
      builder = builder.standingOrder({
        ...(body.payeeId === undefined ? {} : { payeeId: body.payeeId }),
        ...(body.payee === undefined ? {} : { payee: body.payee }),
        reference: body.reference,
        frequency: {
          repeat: REPEAT[body.frequency.repeat],
          ...(body.frequency.day === undefined ? {} : { day: body.frequency.day }),
          ...(body.frequency.onlyWorkDays === undefined
            ? {}
            : { onlyWorkDays: body.frequency.onlyWorkDays }),
        },
        ...(body.numberOfPayments === undefined ? {} : { numberOfPayments: body.numberOfPayments }),
        firstPaymentAmount: body.firstPaymentAmount,
        ...(body.recurringPaymentAmount === undefined
          ? {}
          : { recurringPaymentAmount: body.recurringPaymentAmount }),
        ...(body.finalPaymentAmount === undefined
          ? {}
          : { finalPaymentAmount: body.finalPaymentAmount }),
        currency: 'GBP',
        firstPaymentDate: body.firstPaymentDate,
        ...(body.recurringPaymentDate === undefined
          ? {}
          : { recurringPaymentDate: body.recurringPaymentDate }),
        ...(body.finalPaymentDate === undefined ? {} : { finalPaymentDate: body.finalPaymentDate }),
      })
      const started = await startPaymentFlow(c, s, {
        kind: 'standing_order',
        scope: scopePresets.standingOrder(body.bankId ?? s.defaultBankSet),
        claims: builder,
        ...(sub === undefined ? {} : { sub }),
        intent: { kind: 'standing_order', details },
        returnTo: body.returnTo,
      })
      return c.json(started, 200)
    })
    .get('/api/standing-orders', async (c) => {
      const entries = await s.payments.list(await requestOwner(c, s), 'standing_order')
      const data = await Promise.all(
        entries.map(async (entry) => toStandingOrder(entry, await read(entry.id))),
      )
      const body: StandingOrderListResponse = { data }
      return c.json(body, 200)
    })
    .get('/api/standing-orders/:id', validate('param', standingOrderParamsSchema), async (c) => {
      const { id } = c.req.valid('param')
      const entry = await s.payments.find(await requestOwner(c, s), 'standing_order', id)
      if (entry === undefined) throw new AppError('standing_order_not_found')
      const body: StandingOrderResponse = { data: toStandingOrder(entry, await read(id)) }
      return c.json(body, 200)
    })
}
