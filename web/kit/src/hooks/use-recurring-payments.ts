import { useQuery } from '@tanstack/react-query'
import { useBffClient } from '../api/mhkit-context'
import {
  recurringPaymentQueryOptions,
  recurringPaymentsQueryOptions,
} from '../query-options/recurring-payments-query'

/**
 * The variable recurring payment (VRP) consents of this session, with status and limits.
 *
 * @returns the React Query result; `data.data` is `RecurringPayment[]`; `error` is a `BffError`
 * @see moneyhub-protocol.md §4.8
 */
export function useRecurringPayments() {
  return useQuery(recurringPaymentsQueryOptions(useBffClient()))
}

/**
 * One VRP consent (`GET /api/recurring-payments/:id`).
 *
 * @param id - the consent's id; `''` waits
 * @returns the React Query result; `data.data` is the `RecurringPayment`
 */
export function useRecurringPayment(id: string) {
  return useQuery(recurringPaymentQueryOptions(useBffClient(), id))
}
