import { useQuery } from '@tanstack/react-query'
import { useBffClient } from '../api/mhkit-context'
import { standingOrdersQueryOptions } from '../query-options/standing-orders-query'

/**
 * The standing orders this session set up, with their status.
 *
 * @returns the React Query result; `data.data` is `StandingOrder[]`; `error` is a `BffError`
 * @see moneyhub-protocol.md §4.9
 */
export function useStandingOrders() {
  return useQuery(standingOrdersQueryOptions(useBffClient()))
}
