import { queryOptions } from '@tanstack/react-query'
import type { BffClient, BffResult } from '../api/bff-client'
import type { BffError } from '../api/bff-error'
import { accountsKey, mhkitKeys } from './mhkit-keys'

/**
 * Query options for `GET /api/accounts`, the user's accounts across connections.
 *
 * @param client - the BFF client
 * @throws BffError from the query function (`unauthenticated`, `consent_expired`, ...)
 * @see docs/architecture.md §2.2
 */
export function accountsQueryOptions(client: BffClient) {
  return queryOptions<BffResult<'accounts'>, BffError>({
    queryKey: accountsKey(),
    queryFn: ({ signal }) =>
      client.request({
        method: 'GET',
        path: '/accounts',
        schema: 'accounts',
        signal,
      }),
  })
}

/**
 * Query options for `GET /api/accounts/:id`, one account.
 *
 * @param client - the BFF client
 * @param accountId - the account's id (encoded into the path)
 * @throws BffError from the query function (`not_found`, ...)
 */
export function accountQueryOptions(client: BffClient, accountId: string) {
  return queryOptions<BffResult<'account'>, BffError>({
    queryKey: mhkitKeys.account(accountId),
    queryFn: ({ signal }) =>
      client.request({
        method: 'GET',
        path: `/accounts/${encodeURIComponent(accountId)}`,
        schema: 'account',
        signal,
      }),
    enabled: accountId !== '',
  })
}
