import { queryOptions } from '@tanstack/react-query'
import type { BffClient, BffResult } from '../api/bff-client'
import type { BffError } from '../api/bff-error'
import { flowKey } from './mhkit-keys'

/**
 * Query options for `GET /api/flows/:flowId`, the stored outcome of a connect flow. A settled
 * outcome never changes, so it never goes stale; a pending one is polled every second.
 *
 * @param client - the BFF client
 * @param flowId - the flow id from `POST /api/connect` or the `?flow=` return parameter
 * @throws BffError from the query function (`flow_not_found`, `flow_expired`, ...)
 * @see docs/architecture.md §2.1 step 6
 */
export function flowQueryOptions(client: BffClient, flowId: string) {
  return queryOptions<BffResult<'flow'>, BffError>({
    queryKey: flowKey(flowId),
    queryFn: ({ signal }) =>
      client.request({
        method: 'GET',
        path: `/flows/${encodeURIComponent(flowId)}`,
        schema: 'flow',
        signal,
      }),
    staleTime: Infinity,
    retry: false,
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 1000 : false),
  })
}
