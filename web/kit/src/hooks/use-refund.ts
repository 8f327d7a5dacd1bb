import type { BffClient } from '../api/bff-client'
import type { FlowOptions } from '../flows/create-flow-controller'
import { useFlow } from '../internal/use-flow'
import type { FlowHandle } from '../internal/use-flow'

/** What a refund is started with; every field may also be given per call to `start()`. */
export interface RefundParams {
  /** The completed, reversible payment to refund. */
  paymentId?: string
  /** Part of the amount, in whole pence; the whole payment when left out. */
  amount?: number
  /** Where the BFF sends the browser back to. Default: the current path. */
  returnTo?: string
}

/** Options of {@link useRefund}. */
export interface RefundOptions extends RefundParams, FlowOptions {}

/** What {@link useRefund} returns. */
export type RefundFlow = FlowHandle<RefundParams>

function startRefund(client: BffClient, params: RefundParams, returnTo: string) {
  if (params.paymentId === undefined) throw new TypeError('useRefund needs a paymentId')
  return client.request({
    method: 'POST',
    path: `/payments/${encodeURIComponent(params.paymentId)}/refund`,
    body: params.amount === undefined ? { returnTo } : { amount: params.amount, returnTo },
    schema: 'connect',
  })
}

/**
 * Refunds a completed payment, fully or in part, as a reverse payment the payee authorises at
 * their bank (`POST /api/payments/:id/refund`, docs/moneyhub-protocol.md §4.7): the same redirect
 * or popup flow as {@link usePayment}. A payment that is not completed, not reversible or not this
 * session's is refused by the BFF before anything reaches the bank.
 *
 * @param options - payment id, amount, mode and callbacks
 * @returns state, `start()` and `reset()`
 * @throws TypeError (rejects) without a `paymentId`
 * @throws BffError through `start()` and `onError`: `not_found`, `invalid_request`,
 *   `access_denied`, `payment_failed`, ...
 * @see moneyhub-protocol.md §4.7
 */
export function useRefund(options: RefundOptions = {}): RefundFlow {
  return useFlow(startRefund, { ...options, params: options })
}
