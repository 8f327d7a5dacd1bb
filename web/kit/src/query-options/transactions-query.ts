import { infiniteQueryOptions, type InfiniteData, type QueryKey } from '@tanstack/react-query'
import type { BffClient, BffResult } from '../api/bff-client'
import type { BffError } from '../api/bff-error'
import type { TransactionFilters } from '../api/contract'
import { transactionListKey } from './mhkit-keys'

/**
 * Infinite query options for `GET /api/transactions`: pages of transactions, newest first,
 * fetched by `offset`; the BFF says where the next page starts (`nextOffset`, `null` on the
 * last page), so the kit never guesses from page lengths.
 *
 * @param client - the BFF client
 * @param filters - `accountId`, `startDate`, `endDate` (YYYY-MM-DD), `text` and page `limit`
 * @throws BffError from the query function (`invalid_request` for bad filters, ...)
 * @see moneyhub-protocol.md §9.4
 */
export function transactionsQueryOptions(client: BffClient, filters: TransactionFilters = {}) {
  return infiniteQueryOptions<
    BffResult<'transactions'>,
    BffError,
    InfiniteData<BffResult<'transactions'>>,
    QueryKey,
    number
  >({
    queryKey: transactionListKey(filters),
    queryFn: ({ signal, pageParam }) =>
      client.request({
        method: 'GET',
        path: '/transactions',
        query: { ...filters, offset: pageParam === 0 ? undefined : pageParam },
        schema: 'transactions',
        signal,
      }),
    initialPageParam: 0,
    getNextPageParam: (lastPage) => lastPage.page.nextOffset ?? undefined,
  })
}
