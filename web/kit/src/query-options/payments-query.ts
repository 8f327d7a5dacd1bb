import { queryOptions } from '@tanstack/react-query'
import type { BffClient } from '../api/bff-client'
import { paymentSchema } from '../api/payment-schema'
import type { PaymentAnswer } from '../api/payment-schema'
import type { BffError } from '../api/bff-error'
import type { PaymentStatus } from '../api/contract'
import { isBffError } from '../api/bff-error'
import { mhkitKeys } from './mhkit-keys'

/**
 * Whether a payment status is final: `completed`, `rejected`, `cancelled`, `abandoned` and
 * `failed` never change again; `in_progress` and `pending` do.
 *
 * @param status - a payment status
 * @see moneyhub-protocol.md §9.7
 */
export function isFinalPaymentStatus(status: PaymentStatus): boolean {
  return status !== 'in_progress' && status !== 'pending'
}

// Failures that say nothing about the payment (no answer, Moneyhub or the BFF briefly
// unavailable): polling goes on. Anything else (not found, signed out) stops it.
const MOMENTARY = /^(network_error|rate_limited|service_unavailable|upstream_\w+)$/

/** Polling of {@link paymentQueryOptions}: first delay and ceiling, in ms. */
export interface PaymentPolling {
  /** Delay after the first read; doubles after each read. Default 1000. */
  initialInterval?: number
  /** Longest delay between two reads. Default 30000. */
  maxInterval?: number
}

/**
 * Delay before the next read of a payment: none once its status is final or a read failed for
 * good; otherwise `initialInterval` doubled per read so far, at most `maxInterval`.
 */
export function paymentPollDelay(
  state: {
    data?: { data: { status: PaymentStatus } } | undefined
    error: Error | null
    dataUpdateCount: number
    errorUpdateCount: number
  },
  polling: PaymentPolling = {},
): number | false {
  const { data, error, dataUpdateCount, errorUpdateCount } = state
  if (data && isFinalPaymentStatus(data.data.status)) return false
  if (error && !(isBffError(error) && MOMENTARY.test(error.code))) return false
  const reads = Math.max(0, dataUpdateCount + errorUpdateCount - 1)
  const initial = polling.initialInterval ?? 1000
  return Math.min(initial * 2 ** Math.min(reads, 16), polling.maxInterval ?? 30_000)
}

/**
 * Query options for `GET /api/payments/:id`, one payment and its status. While the status is
 * not final it is read again with backoff (1 s, 2 s, 4 s … up to 30 s), then polling stops.
 *
 * @param client - the BFF client
 * @param paymentId - the payment's id (from the flow result)
 * @param polling - backoff settings
 * @throws BffError from the query function (`not_found` — also for another session's payment)
 * @see moneyhub-protocol.md §9.7
 */
export function paymentQueryOptions(
  client: BffClient,
  paymentId: string,
  polling: PaymentPolling = {},
) {
  return queryOptions<PaymentAnswer<'payment'>, BffError>({
    queryKey: mhkitKeys.payment(paymentId),
    queryFn: ({ signal }) =>
      client.request({
        method: 'GET',
        path: `/payments/${encodeURIComponent(paymentId)}`,
        schema: paymentSchema('payment'),
        signal,
      }),
    enabled: paymentId !== '',
    refetchInterval: (query) => paymentPollDelay(query.state, polling),
  })
}

/**
 * Query options for `GET /api/payments`: the payments this session (or its user) started.
 *
 * @param client - the BFF client
 * @throws BffError from the query function
 */
export function paymentsQueryOptions(client: BffClient) {
  return queryOptions<PaymentAnswer<'payments'>, BffError>({
    queryKey: mhkitKeys.payments(),
    queryFn: ({ signal }) =>
      client.request({
        method: 'GET',
        path: '/payments',
        schema: paymentSchema('payments'),
        signal,
      }),
  })
}
