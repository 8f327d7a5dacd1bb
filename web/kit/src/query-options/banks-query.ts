import { queryOptions } from '@tanstack/react-query'
import type { BffClient, BffResult } from '../api/bff-client'
import type { BffError } from '../api/bff-error'
import type { BankListKind } from '../api/contract'
import { mhkitKeys } from './mhkit-keys'

/**
 * Query options for `GET /api/banks`, the list of banks a user can connect. The list changes
 * rarely, so it stays fresh for an hour.
 *
 * @param client - the BFF client
 * @param kind - `ais` (banks to connect, default) or `payments` (banks that can pay)
 * @throws BffError from the query function
 * @see moneyhub-protocol.md §9.8 (bank lists)
 */
export function banksQueryOptions(client: BffClient, kind: BankListKind = 'ais') {
  return queryOptions<BffResult<'banks'>, BffError>({
    queryKey: mhkitKeys.banks(kind),
    queryFn: ({ signal }) =>
      client.request({
        method: 'GET',
        path: '/banks',
        query: { kind },
        schema: 'banks',
        signal,
      }),
    staleTime: 60 * 60_000,
  })
}
