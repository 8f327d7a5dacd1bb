import type { BffClient } from '../api/bff-client'
import type { RecurringPaymentRequestInput } from '../api/contract'
import type { FlowOptions } from '../flows/create-flow-controller'
import { pickDefined } from '../internal/pick-defined'
import { useFlow } from '../internal/use-flow'
import type { FlowHandle } from '../internal/use-flow'

/**
 * What a VRP consent asks for (the `POST /api/recurring-payments` body): exactly one of
 * `payeeId` and `payee`, `reference`, `validFromDate` (and optional `validToDate`),
 * `maximumIndividualAmount` and `periodicLimits` in whole pence, `type` (`sweeping`, `other`),
 * optional `bankId` and `returnTo`.
 */
export type RecurringPaymentConsentParams = Partial<RecurringPaymentRequestInput>

/** Options of {@link useRecurringPaymentConsent}. */
export interface RecurringPaymentConsentOptions
  extends RecurringPaymentConsentParams, FlowOptions {}

/** What {@link useRecurringPaymentConsent} returns. */
export type RecurringPaymentConsentFlow = FlowHandle<RecurringPaymentConsentParams>

const FIELDS = [
  'payeeId',
  'payee',
  'reference',
  'validFromDate',
  'validToDate',
  'maximumIndividualAmount',
  'currency',
  'periodicLimits',
  'type',
  'bankId',
] as const

function startConsent(client: BffClient, params: RecurringPaymentConsentParams, returnTo: string) {
  return client.request({
    method: 'POST',
    path: '/recurring-payments',
    body: { ...pickDefined(params, FIELDS), returnTo },
    schema: 'connect',
  })
}

/**
 * Asks the person for a variable recurring payment (VRP) consent with limits
 * (`POST /api/recurring-payments`, docs/moneyhub-protocol.md §4.8), as the same redirect or popup
 * flow as {@link usePayment}. On success `flow.result.recurringPaymentId` names the consent; pay
 * with it through {@link usePayWithRecurringPayment}.
 *
 * @param options - the consent, mode and callbacks
 * @returns state, `start()` and `reset()`
 * @throws BffError through `start()` and `onError`: `invalid_request`, `access_denied`, ...
 * @see moneyhub-protocol.md §4.8
 */
export function useRecurringPaymentConsent(
  options: RecurringPaymentConsentOptions = {},
): RecurringPaymentConsentFlow {
  return useFlow(startConsent, { ...options, params: options })
}
