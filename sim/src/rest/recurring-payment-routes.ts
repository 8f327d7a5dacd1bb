import { randomUUID } from 'node:crypto'
import { Hono, type Context } from 'hono'
import { z } from 'zod'

import { apiError } from '../internal/api-error'
import { restGuard, type IdentityRestDeps, type RestEnv } from './rest-context'

const recurringPayBody = z.object({
  payeeId: z.string().max(100).optional(),
  amount: z.number().int().positive().max(100_000_000),
  payeeRef: z.string().min(1).max(18),
  payerRef: z.string().min(1).max(18),
})
const fundsBody = z.object({
  amount: z.string().regex(/^\d+(\.\d{1,2})?$/),
  currency: z.literal('GBP'),
})

/**
 * VRP consents on the identity host: `GET /recurring-payments/:id`, `POST .../pay` (within the
 * maximum individual amount), `DELETE` (revoke), `POST .../funds-confirmation`.
 *
 * @param deps - Provider accessor, state, faults and clock.
 * @returns A Hono app mounted at the identity host's root.
 * @see https://docs.moneyhubenterprise.com/docs/recurring-payments-vrp
 */
export function recurringPaymentRoutes(deps: IdentityRestDeps) {
  const { state } = deps
  const app = new Hono<RestEnv>()
  const guard = (key: string, ...scopes: string[]) => restGuard(deps, key, ...scopes)
  const ownRecurring = (c: Context<RestEnv>) => {
    const recurring = state.recurringPayments.get(c.req.param('id') ?? '')
    return recurring && recurring.clientId === c.get('token').clientId ? recurring : undefined
  }

  app.get(
    '/recurring-payments/:id',
    ...guard('GET /recurring-payments/:id', 'recurring_payment:read'),
    (c) => {
      const recurring = ownRecurring(c)
      if (!recurring) return apiError(c, 404, 'not_found', 'Recurring payment not found')
      const { clientId: _clientId, ...data } = recurring
      return c.json({ data, meta: {} })
    },
  )

  app.post(
    '/recurring-payments/:id/pay',
    ...guard('POST /recurring-payments/:id/pay', 'recurring_payment:create'),
    async (c) => {
      const recurring = ownRecurring(c)
      if (!recurring) return apiError(c, 404, 'not_found', 'Recurring payment not found')
      if (recurring.status !== 'Authorised') {
        return apiError(
          c,
          403,
          'consent_not_authorised',
          'The recurring payment consent is not active',
        )
      }
      const body = recurringPayBody.safeParse(await c.req.json().catch(() => undefined))
      if (!body.success)
        return apiError(c, 400, 'invalid_body', 'Give amount (pence), payeeRef and payerRef')
      const maximum = recurring.recurringPayment.maximumIndividualAmount
      if (typeof maximum === 'number' && body.data.amount > maximum) {
        return apiError(
          c,
          400,
          'limit_exceeded',
          'The amount exceeds the maximum individual amount',
        )
      }
      const at = deps.now().toISOString()
      const payment = {
        id: randomUUID(),
        paymentSubmissionId: randomUUID(),
        amount: body.data.amount,
        payeeRef: body.data.payeeRef,
        payerRef: body.data.payerRef,
        status: 'completed',
        providerStatus: 'AcceptedSettlementCompleted',
        submittedAt: at,
      }
      recurring.payments.push(payment)
      return c.json({
        data: {
          id: payment.id,
          paymentSubmissionId: payment.paymentSubmissionId,
          providerStatus: payment.providerStatus,
          status: payment.status,
          submittedAt: at,
          authRequestId: recurring.id,
        },
        meta: {},
      })
    },
  )

  app.delete(
    '/recurring-payments/:id',
    ...guard('DELETE /recurring-payments/:id', 'recurring_payment:create'),
    (c) => {
      const recurring = ownRecurring(c)
      if (!recurring) return apiError(c, 404, 'not_found', 'Recurring payment not found')
      const at = deps.now().toISOString()
      recurring.status = 'Revoked'
      recurring.revokedAt = at
      recurring.updatedAt = at
      return c.body(null, 204)
    },
  )

  app.post(
    '/recurring-payments/:id/funds-confirmation',
    ...guard(
      'POST /recurring-payments/:id/funds-confirmation',
      'recurring_payment:funds_confirmation',
    ),
    async (c) => {
      const recurring = ownRecurring(c)
      if (!recurring) return apiError(c, 404, 'not_found', 'Recurring payment not found')
      const body = fundsBody.safeParse(await c.req.json().catch(() => undefined))
      if (!body.success)
        return apiError(c, 400, 'invalid_body', 'Give amount as "10.00" and currency GBP')
      return c.json({
        data: {
          fundsAvailable: recurring.status === 'Authorised',
          fundsAvailableAt: deps.now().toISOString(),
          amount: body.data.amount,
          currency: body.data.currency,
          recurringPaymentId: recurring.id,
        },
        meta: {},
      })
    },
  )

  return app
}
