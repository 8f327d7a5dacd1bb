import {
  claims,
  paymentParamsSchema,
  paymentRequestSchema,
  refundRequestSchema,
  scopePresets,
  type PaymentListResponse,
  type PaymentResponse,
} from '@mhkit/shared'
import { Hono, type Context } from 'hono'

import type { AppEnv } from '../context'
import { AppError } from '../errors'
import { validate } from '../internal/validate'
import type { PaymentDetails } from '../payments/payment-intents'
import { knownPayeeName } from '../payments/payees'
import { requestOwner } from '../payments/payment-ledger'
import { paymentStatus, toPayment } from '../payments/payment-mappers'
import { startPaymentFlow } from '../payments/start-payment-flow'
import { orNotFound } from '../payments/upstream'
import type { Services } from '../services'
import { hashId } from '../session/ids'

/** The name of a payee this browser's session or user paid before; none for a first visit. */
async function payeeNameFor(
  c: Context<AppEnv>,
  s: Services,
  sub: string | undefined,
  payeeId: string,
): Promise<string | undefined> {
  const session = c.var.session
  if (session === undefined && sub === undefined) return undefined
  const owner = {
    ...(session === undefined ? {} : { sessionHash: hashId(session.id) }),
    ...(sub === undefined ? {} : { sub }),
  }
  return knownPayeeName(s.payments, owner, payeeId)
}

/**
 * Single payments and their refunds (issue 10, docs/moneyhub-protocol.md §4.6, §4.7, §9.7):
 *
 * - `POST /api/payments` — a single immediate domestic payment: a new payee is registered at
 *   Moneyhub first, then the flow starts like a connect (PAR, `mh:payment` claim) and answers
 *   `{ flowId, url, expiresAt }`. An anonymous payer gets a session; a signed-in one is asked
 *   for as `sub`.
 * - `GET /api/payments`, `GET /api/payments/:id` — only payments this browser's session or its
 *   user started (the payment ledger); any other id is 404 `payment_not_found`, as a missing one.
 * - `POST /api/payments/:id/refund` — a reverse payment (`mh:reverse_payment`) of a completed,
 *   reversible payment, whole or partial, as a redirect flow.
 *
 * Every body is validated with the shared schemas before any upstream call.
 */
export function paymentRoutes(s: Services) {
  return new Hono<AppEnv>()
    .post('/api/payments', validate('json', paymentRequestSchema), async (c) => {
      const body = c.req.valid('json')
      const sub = await s.userBinding.get(c)
      let payeeId = body.payeeId
      if (body.payee !== undefined) {
        const payee = await s.moneyhub.createPayee({
          ...body.payee,
          ...(sub === undefined ? {} : { userId: sub }),
        })
        payeeId = payee.id
      }
      if (payeeId === undefined) throw new AppError('invalid_request')
      // A payee chosen from "your payees" keeps its name on this payment too.
      const payeeName = body.payee?.name ?? (await payeeNameFor(c, s, sub, payeeId))
      const details: PaymentDetails = {
        amount: body.amount,
        payeeId,
        ...(payeeName === undefined ? {} : { payeeName }),
        payeeRef: body.payeeRef,
        payerRef: body.payerRef,
        ...(body.bankId === undefined ? {} : { bankId: body.bankId }),
      }
      let builder = claims()
      if (sub !== undefined) builder = builder.sub(sub)
      // readRefundAccount: the payer's account is read so the payment can be refunded later
      // (docs/moneyhub-protocol.md §4.7: only such a payment is reversible).
      builder = builder.payment({
        amount: body.amount,
        payeeId,
        payeeRef: body.payeeRef,
        payerRef: body.payerRef,
        readRefundAccount: true,
      })
      const started = await startPaymentFlow(c, s, {
        kind: 'payment',
        scope: scopePresets.payment(body.bankId ?? s.defaultBankSet),
        claims: builder,
        ...(sub === undefined ? {} : { sub }),
        intent: { kind: 'payment', details },
        returnTo: body.returnTo,
      })
      return c.json(started, 200)
    })
    .get('/api/payments', async (c) => {
      const owner = await requestOwner(c, s)
      const entries = await s.payments.list(owner, 'payment')
      const data = await Promise.all(
        entries.map(async (entry) =>
          toPayment(entry, await orNotFound(s.moneyhub.getPayment(entry.id), 'payment_not_found')),
        ),
      )
      const body: PaymentListResponse = { data }
      return c.json(body, 200)
    })
    .get('/api/payments/:id', validate('param', paymentParamsSchema), async (c) => {
      const { id } = c.req.valid('param')
      const owner = await requestOwner(c, s)
      const entry = await s.payments.find(owner, 'payment', id)
      if (entry === undefined) throw new AppError('payment_not_found')
      const mh = await orNotFound(s.moneyhub.getPayment(id), 'payment_not_found')
      const body: PaymentResponse = { data: toPayment(entry, mh) }
      return c.json(body, 200)
    })
    .post(
      '/api/payments/:id/refund',
      validate('param', paymentParamsSchema),
      validate('json', refundRequestSchema),
      async (c) => {
        const { id } = c.req.valid('param')
        const body = c.req.valid('json')
        const owner = await requestOwner(c, s)
        const entry = await s.payments.find(owner, 'payment', id)
        if (entry === undefined) throw new AppError('payment_not_found')
        // A refund is itself a payment to the original payer; it is not refunded again.
        if (entry.details.refundOf !== undefined) {
          throw new AppError('payment_not_reversible', { reason: 'refund_of_refund' })
        }
        const amount = body.amount ?? entry.details.amount
        if (amount > entry.details.amount) {
          throw new AppError('invalid_request', {
            issues: [{ path: 'amount', message: 'must not be more than the payment amount' }],
          })
        }
        const mh = await orNotFound(s.moneyhub.getPayment(id), 'payment_not_found')
        if (paymentStatus(mh.status) !== 'completed') throw new AppError('payment_not_completed')
        if (mh.isReversible !== true) throw new AppError('payment_not_reversible')
        const sub = await s.userBinding.get(c)
        let builder = claims()
        if (sub !== undefined) builder = builder.sub(sub)
        builder = builder.reversePayment({ paymentId: id, amount })
        const started = await startPaymentFlow(c, s, {
          kind: 'reverse_payment',
          scope: scopePresets.reversePayment(entry.details.bankId ?? s.defaultBankSet),
          claims: builder,
          ...(sub === undefined ? {} : { sub }),
          intent: {
            kind: 'reverse_payment',
            details: { ...entry.details, amount, refundOf: id },
          },
          returnTo: body.returnTo,
        })
        return c.json(started, 200)
      },
    )
}
