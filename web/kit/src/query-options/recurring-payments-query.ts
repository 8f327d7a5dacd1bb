import { queryOptions } from '@tanstack/react-query'
import type { BffClient, BffResult } from '../api/bff-client'
import type { BffError } from '../api/bff-error'
import { mhkitKeys } from './mhkit-keys'

/**
 * Query options for `GET /api/recurring-payments`: the variable recurring payment (VRP)
 * consents of this session, with their status and limits.
 *
 * @param client - the BFF client
 * @throws BffError from the query function (`unauthenticated`, ...)
 * @see moneyhub-protocol.md §4.8
 */
export function recurringPaymentsQueryOptions(client: BffClient) {
  return queryOptions<BffResult<'recurringPayments'>, BffError>({
    queryKey: mhkitKeys.recurringPayments(),
    queryFn: ({ signal }) =>
      client.request({
        method: 'GET',
        path: '/recurring-payments',
        schema: 'recurringPayments',
        signal,
      }),
  })
}

/**
 * Query options for `GET /api/recurring-payments/:id`, one VRP consent.
 *
 * @param client - the BFF client
 * @param id - the consent's id
 * @throws BffError from the query function (`not_found`, ...)
 */
export function recurringPaymentQueryOptions(client: BffClient, id: string) {
  return queryOptions<BffResult<'recurringPayment'>, BffError>({
    queryKey: mhkitKeys.recurringPayment(id),
    queryFn: ({ signal }) =>
      client.request({
        method: 'GET',
        path: `/recurring-payments/${encodeURIComponent(id)}`,
        schema: 'recurringPayment',
        signal,
      }),
    enabled: id !== '',
  })
}
