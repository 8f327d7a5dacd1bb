import { queryOptions } from '@tanstack/react-query'
import type { BffClient, BffResult } from '../api/bff-client'
import type { BffError } from '../api/bff-error'
import { mhkitKeys } from './mhkit-keys'

/**
 * Query options for `GET /api/connections`: each bank connection with its status (`active`,
 * `expiring`, `expired`, `error`) and consent expiry.
 *
 * @param client - the BFF client
 * @throws BffError from the query function
 * @see moneyhub-protocol.md §9.6
 */
export function connectionsQueryOptions(client: BffClient) {
  return queryOptions<BffResult<'connections'>, BffError>({
    queryKey: mhkitKeys.connections(),
    queryFn: ({ signal }) =>
      client.request({
        method: 'GET',
        path: '/connections',
        schema: 'connections',
        signal,
      }),
  })
}
