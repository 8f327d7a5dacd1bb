import type { BffClient } from '../api/bff-client'
import type { StandingOrderRequestInput } from '../api/contract'
import type { FlowOptions } from '../flows/create-flow-controller'
import { pickDefined } from '../internal/pick-defined'
import { useFlow } from '../internal/use-flow'
import type { FlowHandle } from '../internal/use-flow'

/**
 * What a standing order is set up with (the `POST /api/standing-orders` body): exactly one of
 * `payeeId` and `payee`, `reference`, `frequency`, `firstPaymentAmount` (whole pence) and
 * `firstPaymentDate`, exactly one of `numberOfPayments` and `finalPaymentDate`, optional
 * recurring and final amounts, `bankId` and `returnTo`.
 */
export type StandingOrderParams = Partial<StandingOrderRequestInput>

/** Options of {@link useStandingOrder}. */
export interface StandingOrderOptions extends StandingOrderParams, FlowOptions {}

/** What {@link useStandingOrder} returns. */
export type StandingOrderFlow = FlowHandle<StandingOrderParams>

const FIELDS = [
  'payeeId',
  'payee',
  'reference',
  'frequency',
  'numberOfPayments',
  'firstPaymentAmount',
  'recurringPaymentAmount',
  'finalPaymentAmount',
  'currency',
  'firstPaymentDate',
  'recurringPaymentDate',
  'finalPaymentDate',
  'bankId',
] as const

function startStandingOrder(client: BffClient, params: StandingOrderParams, returnTo: string) {
  return client.request({
    method: 'POST',
    path: '/standing-orders',
    body: { ...pickDefined(params, FIELDS), returnTo },
    schema: 'connect',
  })
}

/**
 * Sets up a standing order at the person's bank (`POST /api/standing-orders`,
 * docs/moneyhub-protocol.md §4.9), as the same redirect or popup flow as {@link usePayment}. On
 * success `flow.result.standingOrderId` names it.
 *
 * @param options - the standing order, mode and callbacks
 * @returns state, `start()` and `reset()`
 * @throws BffError through `start()` and `onError`: `invalid_request`, `access_denied`, ...
 * @see moneyhub-protocol.md §4.9
 */
export function useStandingOrder(options: StandingOrderOptions = {}): StandingOrderFlow {
  return useFlow(startStandingOrder, { ...options, params: options })
}
