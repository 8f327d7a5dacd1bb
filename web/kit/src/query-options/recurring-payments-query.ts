import { queryOptions } from '@tanstack/react-query'
import type { BffClient } from '../api/bff-client'
import { paymentSchema } from '../api/payment-schema'
import type { PaymentAnswer } from '../api/payment-schema'
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
  return queryOptions<PaymentAnswer<'recurringPayments'>, BffError>({
    queryKey: mhkitKeys.recurringPayments(),
    queryFn: ({ signal }) =>
      client.request({
        method: 'GET',
        path: '/recurring-payments',
        schema: paymentSchema('recurringPayments'),
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
  return queryOptions<PaymentAnswer<'recurringPayment'>, BffError>({
    queryKey: mhkitKeys.recurringPayment(id),
    queryFn: ({ signal }) =>
      client.request({
        method: 'GET',
        path: `/recurring-payments/${encodeURIComponent(id)}`,
        schema: paymentSchema('recurringPayment'),
        signal,
      }),
    enabled: id !== '',
  })
}
