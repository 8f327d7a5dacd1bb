import { useQuery } from '@tanstack/react-query'
import { useBffClient } from '../api/mhkit-context'
import { isFinalPaymentStatus, paymentQueryOptions } from '../query-options/payments-query'
import type { PaymentPolling } from '../query-options/payments-query'

/**
 * One payment and its live status (`GET /api/payments/:id`): read again with backoff (1 s,
 * 2 s, 4 s … up to 30 s) while it is `in_progress` or `pending`, and no more once it is final
 * or the read fails for good.
 *
 * @param paymentId - the payment's id; `undefined` or `''` waits
 * @param polling - backoff settings
 * @returns the React Query result (`data.data` is the `Payment`) plus `isFinal`; `error` is a
 *   `BffError` (`not_found` also for another session's payment)
 * @see moneyhub-protocol.md §9.7
 */
export function usePaymentStatus(paymentId: string | undefined, polling?: PaymentPolling) {
  const query = useQuery(paymentQueryOptions(useBffClient(), paymentId ?? '', polling))
  const status = query.data?.data.status
  return { ...query, isFinal: status !== undefined && isFinalPaymentStatus(status) }
}
