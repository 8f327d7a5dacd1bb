import { queryOptions } from '@tanstack/react-query'
import type { BffClient } from '../api/bff-client'
import { paymentSchema } from '../api/payment-schema'
import type { PaymentAnswer } from '../api/payment-schema'
import type { BffError } from '../api/bff-error'
import { mhkitKeys } from './mhkit-keys'

/**
 * Query options for `GET /api/payees`, "your payees": the payees this session (or its user)
 * has paid, by Moneyhub payee id and name, most recently used first — what a Pay form offers
 * before asking for bank details. Read again whenever a screen using it mounts (React Query's
 * default), so a payee added by a payment shows on the next visit to a Pay form.
 *
 * @param client - the BFF client
 * @throws BffError from the query function (`unauthenticated` before any payment or sign-in)
 */
export function payeesQueryOptions(client: BffClient) {
  return queryOptions<PaymentAnswer<'payees'>, BffError>({
    queryKey: mhkitKeys.payees(),
    queryFn: ({ signal }) =>
      client.request({ method: 'GET', path: '/payees', schema: paymentSchema('payees'), signal }),
  })
}
