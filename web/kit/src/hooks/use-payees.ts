import { useQuery } from '@tanstack/react-query'
import { useBffClient } from '../api/mhkit-context'
import { payeesQueryOptions } from '../query-options/payees-query'

/**
 * "Your payees": the payees this session (or its signed-in user) has paid before, most
 * recently used first; pay one again with `usePayment({ payeeId })`.
 *
 * @returns the React Query result; `data.data` is `PayeeSummary[]` (`{ id, name }`); `error` is
 *   a `BffError` (`unauthenticated` when nothing was paid or connected in this browser yet)
 */
export function usePayees() {
  return useQuery(payeesQueryOptions(useBffClient()))
}
