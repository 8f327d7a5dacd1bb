import { useInfiniteQuery } from '@tanstack/react-query'
import type { TransactionFilters } from '../api/contract'
import { useBffClient } from '../api/mhkit-context'
import { transactionsQueryOptions } from '../query-options/transactions-query'

/**
 * Transactions, a page at a time (`fetchNextPage`, `hasNextPage`), optionally filtered by
 * account and date range. Each filter combination is its own cache entry.
 *
 * @param filters - `accountId`, `startDate`, `endDate`, `limit`
 * @returns the React Query infinite result; `error` is a `BffError`
 * @see moneyhub-protocol.md §9.4
 */
export function useTransactions(filters: TransactionFilters = {}) {
  return useInfiniteQuery(transactionsQueryOptions(useBffClient(), filters))
}
