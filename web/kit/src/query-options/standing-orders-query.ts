import { queryOptions } from '@tanstack/react-query'
import type { BffClient } from '../api/bff-client'
import { paymentSchema } from '../api/payment-schema'
import type { PaymentAnswer } from '../api/payment-schema'
import type { BffError } from '../api/bff-error'
import { mhkitKeys } from './mhkit-keys'

/**
 * Query options for `GET /api/standing-orders`: the standing orders this session set up.
 *
 * @param client - the BFF client
 * @throws BffError from the query function
 * @see moneyhub-protocol.md §4.9
 */
export function standingOrdersQueryOptions(client: BffClient) {
  return queryOptions<PaymentAnswer<'standingOrders'>, BffError>({
    queryKey: mhkitKeys.standingOrders(),
    queryFn: ({ signal }) =>
      client.request({
        method: 'GET',
        path: '/standing-orders',
        schema: paymentSchema('standingOrders'),
        signal,
      }),
  })
}

/**
 * Query options for `GET /api/standing-orders/:id`, one standing order.
 *
 * @param client - the BFF client
 * @param id - the standing order's id
 * @throws BffError from the query function (`not_found`, ...)
 */
export function standingOrderQueryOptions(client: BffClient, id: string) {
  return queryOptions<PaymentAnswer<'standingOrder'>, BffError>({
    queryKey: mhkitKeys.standingOrder(id),
    queryFn: ({ signal }) =>
      client.request({
        method: 'GET',
        path: `/standing-orders/${encodeURIComponent(id)}`,
        schema: paymentSchema('standingOrder'),
        signal,
      }),
    enabled: id !== '',
  })
}
