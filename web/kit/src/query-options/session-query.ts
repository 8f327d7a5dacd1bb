import { queryOptions } from '@tanstack/react-query'
import type { BffClient, BffResult } from '../api/bff-client'
import type { BffError } from '../api/bff-error'
import { sessionKey } from './mhkit-keys'

/**
 * Query options for `GET /api/session`: whether there is a session, the user id, connections
 * and expiry — never a token.
 *
 * @param client - the BFF client
 * @throws BffError from the query function (`network_error`, `invalid_response`, ...)
 * @see docs/architecture.md §3
 */
export function sessionQueryOptions(client: BffClient) {
  return queryOptions<BffResult<'session'>, BffError>({
    queryKey: sessionKey(),
    queryFn: ({ signal }) =>
      client.request({ method: 'GET', path: '/session', schema: 'session', signal }),
    staleTime: 30_000,
    // Another tab may have logged out or connected a bank: look again whenever this one is
    // back in front, however fresh the answer.
    refetchOnWindowFocus: 'always',
  })
}
