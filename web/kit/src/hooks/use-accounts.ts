import { useQuery } from '@tanstack/react-query'
import { useBffClient } from '../api/mhkit-context'
import { accountsQueryOptions } from '../query-options/accounts-query'

/**
 * The user's accounts across every connection.
 *
 * @returns the React Query result; `data.data` is the account list; `error` is a `BffError`
 *   (`unauthenticated` when there is no session)
 * @see docs/architecture.md §2.2
 */
export function useAccounts() {
  return useQuery(accountsQueryOptions(useBffClient()))
}
