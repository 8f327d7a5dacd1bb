import { useQuery } from '@tanstack/react-query'
import { useBffClient } from '../api/mhkit-context'
import { accountQueryOptions } from '../query-options/accounts-query'

/**
 * One account by id.
 *
 * @param accountId - the account id; an empty string disables the query
 * @returns the React Query result; `error` is a `BffError` (`not_found`, ...)
 */
export function useAccount(accountId: string) {
  return useQuery(accountQueryOptions(useBffClient(), accountId))
}
