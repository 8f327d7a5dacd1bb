import { useQuery } from '@tanstack/react-query'
import { useBffClient } from '../api/mhkit-context'
import { paymentsQueryOptions } from '../query-options/payments-query'

/**
 * The payments this session (or its signed-in user) started, newest first.
 *
 * @returns the React Query result; `data.data` is `Payment[]`; `error` is a `BffError`
 */
export function usePayments() {
  return useQuery(paymentsQueryOptions(useBffClient()))
}
