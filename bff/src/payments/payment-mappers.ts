import {
  paymentSchema,
  recurringPaymentSchema,
  standingOrderSchema,
  type Payment,
  type PaymentStatus,
  type RecurringPayment,
  type RecurringPaymentStatus,
  type StandingOrder,
  type StandingOrderStatus,
} from '@mhkit/shared'

import { AppError } from '../errors'
import type { MhPayment, MhRecurringPayment, MhStandingOrderRequest } from '../moneyhub'
import type { LedgerEntry } from './payment-ledger'

const PAYMENT_STATUS: Readonly<Record<string, PaymentStatus>> = {
  inProgress: 'in_progress',
  pending: 'pending',
  completed: 'completed',
  rejected: 'rejected',
  cancelled: 'cancelled',
  abandoned: 'abandoned',
}

/**
 * Moneyhub's payment status in ours (docs/moneyhub-protocol.md §9.7): every `error:*` is `failed`;
 * a status we do not know yet is `pending`, so a client keeps polling instead of showing a final
 * answer about money it cannot vouch for.
 */
export function paymentStatus(status: string): PaymentStatus {
  if (status.startsWith('error')) return 'failed'
  return PAYMENT_STATUS[status] ?? 'pending'
}

const RECURRING_STATUS: Readonly<Record<string, RecurringPaymentStatus>> = {
  InProgress: 'in_progress',
  Authorised: 'authorised',
  Rejected: 'rejected',
  Revoked: 'revoked',
  Expired: 'expired',
  Failed: 'failed',
}

const STANDING_ORDER_STATUS: Readonly<Record<string, StandingOrderStatus>> = {
  InProgress: 'in_progress',
  InitiationPending: 'initiation_pending',
  InitiationFailed: 'initiation_failed',
  InitiationCompleted: 'initiation_completed',
  Cancelled: 'cancelled',
}

/** The mapped value, checked against the shared contract (an upstream oddity is a 502). */
function checked<T>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, v: unknown) {
  const result = schema.safeParse(v)
  if (!result.success || result.data === undefined) {
    throw new AppError('invalid_upstream_response', { reason: 'payment_contract' })
  }
  return result.data
}

/**
 * A payment as the shared contract shows it: Moneyhub's status and dates, the references and
 * payee name from what was authorised here.
 */
export function toPayment(entry: LedgerEntry<'payment'>, mh: MhPayment): Payment {
  return checked<Payment>(paymentSchema, {
    id: entry.id,
    amount: { value: mh.amount, currency: mh.currency ?? 'GBP' },
    status: paymentStatus(mh.status),
    ...(entry.details.payeeName === undefined ? {} : { payeeName: entry.details.payeeName }),
    payeeRef: mh.payeeRef ?? entry.details.payeeRef,
    payerRef: mh.payerRef ?? entry.details.payerRef,
    initiatedAt: mh.initiatedAt ?? new Date(entry.createdAt).toISOString(),
    ...(typeof mh.finalisedAt === 'string' ? { finalisedAt: mh.finalisedAt } : {}),
    ...(typeof mh.isReversible === 'boolean' ? { reversible: mh.isReversible } : {}),
    ...(entry.details.refundOf === undefined ? {} : { refundOf: entry.details.refundOf }),
  })
}

/**
 * A VRP consent as the shared contract shows it: the limits and window as authorised here,
 * the status from Moneyhub (an authorised consent past its `validToDate` is `expired`).
 *
 * @param today - the current UTC date, `YYYY-MM-DD`
 */
export function toRecurringPayment(
  entry: LedgerEntry<'recurring_payment'>,
  mh: MhRecurringPayment,
  today: string,
): RecurringPayment {
  const d = entry.details
  let status = RECURRING_STATUS[mh.status ?? ''] ?? 'failed'
  if (status === 'authorised' && d.validToDate !== undefined && d.validToDate < today) {
    status = 'expired'
  }
  const money = (value: number) => ({ value, currency: 'GBP' })
  const createdAt = (mh as { createdAt?: unknown }).createdAt
  const revokedAt = mh.revokedAt ?? d.revokedAt
  return checked<RecurringPayment>(recurringPaymentSchema, {
    id: entry.id,
    status,
    reference: d.reference,
    ...(d.payeeName === undefined ? {} : { payeeName: d.payeeName }),
    maximumIndividualAmount: money(d.maximumIndividualAmount),
    periodicLimits: d.periodicLimits.map((l) => ({ ...l, amount: money(l.amount) })),
    validFromDate: d.validFromDate,
    ...(d.validToDate === undefined ? {} : { validToDate: d.validToDate }),
    createdAt: typeof createdAt === 'string' ? createdAt : new Date(entry.createdAt).toISOString(),
    ...(typeof revokedAt === 'string' ? { revokedAt } : {}),
  })
}

/** A standing order as the shared contract shows it: the order as authorised here, Moneyhub's status. */
export function toStandingOrder(
  entry: LedgerEntry<'standing_order'>,
  mh: MhStandingOrderRequest,
): StandingOrder {
  const d = entry.details
  const money = (value: number | undefined) =>
    value === undefined ? undefined : { value, currency: 'GBP' }
  const updatedAt = (mh as { updatedAt?: unknown }).updatedAt
  return checked<StandingOrder>(standingOrderSchema, {
    id: entry.id,
    status: STANDING_ORDER_STATUS[mh.status] ?? 'initiation_failed',
    reference: d.reference,
    frequency: d.frequency,
    firstPaymentAmount: money(d.firstPaymentAmount),
    ...(d.recurringPaymentAmount === undefined
      ? {}
      : { recurringPaymentAmount: money(d.recurringPaymentAmount) }),
    ...(d.finalPaymentAmount === undefined
      ? {}
      : { finalPaymentAmount: money(d.finalPaymentAmount) }),
    firstPaymentDate: d.firstPaymentDate,
    ...(d.finalPaymentDate === undefined ? {} : { finalPaymentDate: d.finalPaymentDate }),
    ...(d.numberOfPayments === undefined ? {} : { numberOfPayments: d.numberOfPayments }),
    createdAt: mh.createdAt ?? new Date(entry.createdAt).toISOString(),
    ...(typeof updatedAt === 'string' ? { updatedAt } : {}),
  })
}
