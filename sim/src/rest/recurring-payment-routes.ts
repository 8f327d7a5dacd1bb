import { randomUUID } from 'node:crypto'
import { Hono, type Context } from 'hono'
import { z } from 'zod'

import { apiError } from '../internal/api-error'
import { settleIfDue, submitToBank } from './payment-settlement'
import { restGuard, type IdentityRestDeps, type RestEnv } from './rest-context'
import { vrpRefusal } from './vrp-limits'

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
 * VRP consents on the identity host: `GET /recurring-payments/:id` (with its payments, pending
 * ones settled once their time has come), `POST .../pay` (refused by {@link vrpRefusal}:
 * revoked, not yet valid or expired consents, the maximum individual amount, periodic limits;
 * then submitted to the bank like any payment), `DELETE` (revoke), `POST .../funds-confirmation`
 * (no funds while an `insufficient_funds` outcome is queued).
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
      const now = deps.now()
      for (const payment of recurring.payments) settleIfDue(payment, now)
      const { clientId: _clientId, payments, ...rest } = recurring
      const data = {
        ...rest,
        payments: payments.map(({ settlement: _settlement, ...payment }) => payment),
      }
      return c.json({ data, meta: {} })
    },
  )

  app.post(
    '/recurring-payments/:id/pay',
    ...guard('POST /recurring-payments/:id/pay', 'recurring_payment:create'),
    async (c) => {
      const recurring = ownRecurring(c)
      if (!recurring) return apiError(c, 404, 'not_found', 'Recurring payment not found')
      const body = recurringPayBody.safeParse(await c.req.json().catch(() => undefined))
      if (!body.success)
        return apiError(c, 400, 'invalid_body', 'Give amount (pence), payeeRef and payerRef')
      const consentPayee = recurring.recurringPayment.payeeId
      if (body.data.payeeId !== undefined && body.data.payeeId !== consentPayee) {
        return apiError(c, 400, 'invalid_body', "payeeId must be the consent's payee")
      }
      const now = deps.now()
      for (const earlier of recurring.payments) settleIfDue(earlier, now)
      const refusal = vrpRefusal(recurring, body.data.amount, now)
      if (refusal) return apiError(c, refusal.status, refusal.code, refusal.message)
      const at = now.toISOString()
      const payment = {
        id: randomUUID(),
        paymentSubmissionId: randomUUID(),
        amount: body.data.amount,
        payeeRef: body.data.payeeRef,
        payerRef: body.data.payerRef,
        submittedAt: at,
        ...submitToBank(state.bankOutcomes.next(), now),
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
          fundsAvailable: recurring.status === 'Authorised' && !state.bankOutcomes.fundsShort(),
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
