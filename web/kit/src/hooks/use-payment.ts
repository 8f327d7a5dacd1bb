import type { BffClient } from '../api/bff-client'
import type { PaymentRequestInput } from '../api/contract'
import type { FlowOptions } from '../flows/create-flow-controller'
import { pickDefined } from '../internal/pick-defined'
import { useFlow } from '../internal/use-flow'
import type { FlowHandle } from '../internal/use-flow'

/**
 * What a payment is started with (the `POST /api/payments` body): `amount` in whole pence,
 * exactly one of `payeeId` and `payee` (name, sort code, account number), `payeeRef`,
 * `payerRef`, optional `bankId` and `returnTo` (where `<ConnectCallback>` or
 * `<PaymentStatus>` is mounted; default the current path). Every field may also be given per
 * call to `start()`.
 */
export type PaymentParams = Partial<PaymentRequestInput>

/** Options of {@link usePayment}: the payment, mode and callbacks. */
export interface PaymentOptions extends PaymentParams, FlowOptions {}

/** What {@link usePayment} returns: the same shape as `useConnectBank`. */
export type PaymentFlow = FlowHandle<PaymentParams>

const FIELDS = ['amount', 'currency', 'payeeId', 'payee', 'payeeRef', 'payerRef', 'bankId'] as const

function startPayment(client: BffClient, params: PaymentParams, returnTo: string) {
  return client.request({
    method: 'POST',
    path: '/payments',
    body: { ...pickDefined(params, FIELDS), returnTo },
    schema: 'connect',
  })
}

/**
 * Starts a single immediate domestic payment (`POST /api/payments`, docs/moneyhub-protocol.md §4.6)
 * as the same explicit state machine as {@link useConnectBank}: redirect (default) or popup, the
 * same statuses, `start()`/`reset()` and callbacks. The BFF validates the payment and keeps it in
 * the server-side login transaction, so what the person authorises is what is paid. On success
 * `flow.result.paymentId` names the payment; follow it with {@link usePaymentStatus}.
 *
 * @param options - payment, mode and callbacks (read from refs, never stale)
 * @returns state, `start()` and `reset()`
 * @throws BffError through `start()` and `onError`: `invalid_request`, `access_denied`,
 *   `payment_failed`, `flow_expired`, `network_error`, ...
 * @see moneyhub-protocol.md §4.6; {@link createFlowController}
 */
export function usePayment(options: PaymentOptions = {}): PaymentFlow {
  return useFlow(startPayment, { ...options, params: options })
}
