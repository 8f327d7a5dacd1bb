import {
  claims,
  fundsConfirmationRequestSchema,
  idempotencyKeySchema,
  recurringPaymentParamsSchema,
  recurringPaymentPayRequestSchema,
  recurringPaymentRequestSchema,
  scopePresets,
  type FundsConfirmationResponse,
  type RecurringPaymentListResponse,
  type RecurringPaymentPayResponse,
  type RecurringPaymentResponse,
} from '@mhkit/shared'
import { Hono, type Context } from 'hono'

import type { AppEnv } from '../context'
import { AppError } from '../errors'
import { validate } from '../internal/validate'
import { MoneyhubError } from '../moneyhub'
import type { RecurringPaymentDetails } from '../payments/payment-intents'
import { requestOwner, type LedgerEntry } from '../payments/payment-ledger'
import { paymentStatus, toRecurringPayment } from '../payments/payment-mappers'
import { startPaymentFlow } from '../payments/start-payment-flow'
import { orNotFound, utcDate } from '../payments/upstream'
import type { Services } from '../services'

// Our spelling of periods, alignments and types to Moneyhub's (docs/moneyhub-protocol.md §4.8).
const PERIOD = {
  day: 'Day',
  week: 'Week',
  fortnight: 'Fortnight',
  month: 'Month',
  half_year: 'Half-year',
  year: 'Year',
} as const
const ALIGNMENT = { consent: 'Consent', calendar: 'Calendar' } as const
const TYPE = { sweeping: 'Sweeping', other: 'Other' } as const

/** The request's `Idempotency-Key`, validated; a missing or malformed one is a 400. */
function idempotencyKey(c: Context<AppEnv>): string {
  const parsed = idempotencyKeySchema.safeParse(c.req.header('Idempotency-Key'))
  if (!parsed.success) {
    throw new AppError('invalid_request', {
      reason: 'idempotency_key',
      issues: [{ path: 'Idempotency-Key', message: 'header required: 16–128 of A-Z a-z 0-9 - _' }],
    })
  }
  return parsed.data
}

/**
 * Whether a payment of `amount` may be tried under the consent as authorised here: not revoked
 * by this BFF, inside its validity window, within the maximum individual amount and every
 * periodic limit on its own. Moneyhub enforces the periodic totals
 * (docs/moneyhub-protocol.md §4.8).
 *
 * @throws AppError `recurring_payment_not_active` | `recurring_payment_limit_exceeded`
 */
function checkPayable(entry: LedgerEntry<'recurring_payment'>, amount: number, today: string) {
  const d = entry.details
  if (d.revokedAt !== undefined) {
    throw new AppError('recurring_payment_not_active', { reason: 'revoked' })
  }
  if (today < d.validFromDate || (d.validToDate !== undefined && today > d.validToDate)) {
    throw new AppError('recurring_payment_not_active', { reason: 'outside_validity' })
  }
  if (amount > d.maximumIndividualAmount || d.periodicLimits.some((l) => amount > l.amount)) {
    throw new AppError('recurring_payment_limit_exceeded', { reason: 'over_limit' })
  }
}

/** Moneyhub's refusals of a VRP payment in our codes (the upstream text is never relayed). */
function payFailure(error: unknown): unknown {
  if (!(error instanceof MoneyhubError)) return error
  if (error.code === 'not_found') return new AppError('recurring_payment_not_found')
  if (error.error === 'limit_exceeded' || /limit/i.test(error.error ?? '')) {
    return new AppError('recurring_payment_limit_exceeded', {
      reason: 'upstream_limit',
      upstreamError: error.error ?? '',
    })
  }
  // A consent revoked, not (yet) authorised, not yet valid or expired at Moneyhub: a 403.
  if (error.code === 'forbidden' || error.code === 'consent_expired' || error.status === 403) {
    return new AppError('recurring_payment_not_active', {
      reason: 'upstream_refused',
      upstreamError: error.error ?? error.code,
    })
  }
  return error
}

/**
 * Variable recurring payments (issue 10, docs/moneyhub-protocol.md §4.8):
 *
 * - `POST /api/recurring-payments` — ask for a VRP consent (payee, reference, validity
 *   window, maximum individual amount, periodic limits) as a redirect flow.
 * - `GET /api/recurring-payments[/:id]` — the consents this browser's session or user
 *   authorised; any other id is 404 `recurring_payment_not_found`.
 * - `POST /api/recurring-payments/:id/pay` — one payment within the limits, with an
 *   `Idempotency-Key` header: a retry with the same key and body answers the first result and
 *   never pays twice; the same key with another body is 409 `idempotency_key_reused`.
 * - `POST /api/recurring-payments/:id/funds-confirmation` — whether the payer's account holds
 *   the amount.
 * - `DELETE /api/recurring-payments/:id` — revoke the consent (204).
 */
export function recurringPaymentRoutes(s: Services) {
  const find = async (c: Context<AppEnv>, id: string) => {
    const entry = await s.payments.find(await requestOwner(c, s), 'recurring_payment', id)
    if (entry === undefined) throw new AppError('recurring_payment_not_found')
    return entry
  }
  const read = (id: string) =>
    orNotFound(s.moneyhub.getRecurringPayment(id), 'recurring_payment_not_found')
  const today = () => utcDate(s.clock.now())

  return new Hono<AppEnv>()
    .post('/api/recurring-payments', validate('json', recurringPaymentRequestSchema), async (c) => {
      const body = c.req.valid('json')
      if (body.validToDate !== undefined && body.validToDate < today()) {
        throw new AppError('invalid_request', {
          issues: [{ path: 'validToDate', message: 'must not be in the past' }],
        })
      }
      const sub = await s.userBinding.get(c)
      const periodicLimits = body.periodicLimits.map((l) => ({
        amount: l.amount,
        periodType: l.periodType,
        periodAlignment: l.periodAlignment,
      }))
      const details: RecurringPaymentDetails = {
        reference: body.reference,
        ...(body.payeeId === undefined ? {} : { payeeId: body.payeeId }),
        ...(body.payee === undefined ? {} : { payeeName: body.payee.name }),
        maximumIndividualAmount: body.maximumIndividualAmount,
        periodicLimits,
        validFromDate: body.validFromDate,
        ...(body.validToDate === undefined ? {} : { validToDate: body.validToDate }),
      }
      let builder = claims()
      if (sub !== undefined) builder = builder.sub(sub)
      builder = builder.recurringPayment({
        ...(body.payeeId === undefined ? {} : { payeeId: body.payeeId }),
        ...(body.payee === undefined ? {} : { payee: body.payee }),
        reference: body.reference,
        validFromDate: body.validFromDate,
        ...(body.validToDate === undefined ? {} : { validToDate: body.validToDate }),
        maximumIndividualAmount: body.maximumIndividualAmount,
        currency: 'GBP',
        periodicLimits: periodicLimits.map((l) => ({
          amount: l.amount,
          currency: 'GBP' as const,
          periodType: PERIOD[l.periodType],
          periodAlignment: ALIGNMENT[l.periodAlignment],
        })),
        type: body.type.map((t) => TYPE[t]),
      })
      const started = await startPaymentFlow(c, s, {
        kind: 'recurring_payment',
        scope: scopePresets.recurringPayment(body.bankId ?? s.defaultBankSet),
        claims: builder,
        ...(sub === undefined ? {} : { sub }),
        intent: { kind: 'recurring_payment', details },
        returnTo: body.returnTo,
      })
      return c.json(started, 200)
    })
    .get('/api/recurring-payments', async (c) => {
      const entries = await s.payments.list(await requestOwner(c, s), 'recurring_payment')
      const day = today()
      const data = await Promise.all(
        entries.map(async (entry) => toRecurringPayment(entry, await read(entry.id), day)),
      )
      const body: RecurringPaymentListResponse = { data }
      return c.json(body, 200)
    })
    .get(
      '/api/recurring-payments/:id',
      validate('param', recurringPaymentParamsSchema),
      async (c) => {
        const entry = await find(c, c.req.valid('param').id)
        const body: RecurringPaymentResponse = {
          data: toRecurringPayment(entry, await read(entry.id), today()),
        }
        return c.json(body, 200)
      },
    )
    .post(
      '/api/recurring-payments/:id/pay',
      validate('param', recurringPaymentParamsSchema),
      validate('json', recurringPaymentPayRequestSchema),
      async (c) => {
        const body = c.req.valid('json')
        const key = idempotencyKey(c)
        const entry = await find(c, c.req.valid('param').id)
        checkPayable(entry, body.amount, today())
        const outcome = await s.idempotency.once(entry.id, key, body, async () => {
          try {
            const paid = await s.moneyhub.payRecurringPayment(entry.id, body)
            const paymentId = paid.id ?? paid.paymentSubmissionId
            if (paymentId === undefined) {
              throw new AppError('invalid_upstream_response', { reason: 'payment_id_missing' })
            }
            const response: RecurringPaymentPayResponse = {
              data: {
                paymentId,
                status: paymentStatus(paid.status),
                ...(paid.submittedAt === undefined ? {} : { submittedAt: paid.submittedAt }),
              },
            }
            return response
          } catch (error) {
            throw payFailure(error)
          }
        })
        c.var.log.info(
          { event: 'payment', reason: outcome.replayed ? 'vrp_pay_replayed' : 'vrp_pay' },
          'recurring payment',
        )
        return c.json(outcome.body as RecurringPaymentPayResponse, 200)
      },
    )
    .post(
      '/api/recurring-payments/:id/funds-confirmation',
      validate('param', recurringPaymentParamsSchema),
      validate('json', fundsConfirmationRequestSchema),
      async (c) => {
        const body = c.req.valid('json')
        const entry = await find(c, c.req.valid('param').id)
        const funds = await orNotFound(
          s.moneyhub.confirmFunds(entry.id, { amount: body.amount, currency: body.currency }),
          'recurring_payment_not_found',
        )
        const response: FundsConfirmationResponse = {
          data: {
            fundsAvailable: funds.fundsAvailable,
            checkedAt: new Date(s.clock.now()).toISOString(),
          },
        }
        return c.json(response, 200)
      },
    )
    .delete(
      '/api/recurring-payments/:id',
      validate('param', recurringPaymentParamsSchema),
      async (c) => {
        const entry = await find(c, c.req.valid('param').id)
        await orNotFound(s.moneyhub.revokeRecurringPayment(entry.id), 'recurring_payment_not_found')
        await s.payments.update({
          ...entry,
          details: { ...entry.details, revokedAt: new Date(s.clock.now()).toISOString() },
        })
        return c.body(null, 204)
      },
    )
}
