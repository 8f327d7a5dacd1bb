import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef } from 'react'
import type { BffError, BffErrorCode } from '../api/bff-error'
import type { RecurringPaymentPayRequest, RecurringPaymentPayResponse } from '../api/contract'
import { useBffClient } from '../api/mhkit-context'
import { paymentSchema } from '../api/payment-schema'
import { pickDefined } from '../internal/pick-defined'
import { mhkitKeys } from '../query-options/mhkit-keys'

/** One payment under a VRP consent. */
export interface RecurringPaymentPayVariables extends RecurringPaymentPayRequest {
  /** The authorised consent to pay with. */
  recurringPaymentId: string
  /**
   * The attempt's `Idempotency-Key`. Leave it out: the kit makes a fresh one per `mutate()` and
   * reuses it when it retries that attempt. Pass the same key only to retry the same attempt.
   */
  idempotencyKey?: string
}

const BODY = ['amount', 'payeeId', 'payeeRef', 'payerRef'] as const

function newKey(): string {
  return globalThis.crypto.randomUUID()
}

// Answers that say nothing about whether the payment was made: the answer never arrived, or
// the BFF or Moneyhub failed before saying. A retry of such an attempt must keep its key.
const OUTCOME_UNKNOWN: ReadonlySet<BffErrorCode> = new Set<BffErrorCode>([
  'network_error',
  'invalid_response',
  'upstream_timeout',
  'upstream_error',
  'upstream_unavailable',
  'invalid_upstream_response',
  'idempotency_key_in_progress',
])

/** Whether two attempts pay the same consent the same amount, payee and references. */
function sameAttempt(a: RecurringPaymentPayVariables, b: RecurringPaymentPayVariables): boolean {
  return (
    a.recurringPaymentId === b.recurringPaymentId && BODY.every((field) => a[field] === b[field])
  )
}

/**
 * Pays under an authorised VRP consent (`POST /api/recurring-payments/:id/pay`,
 * docs/moneyhub-protocol.md §4.8), without a redirect. Every attempt carries an `Idempotency-Key`:
 * one per attempt, kept for that attempt's retries (a network failure is retried twice with the
 * same key; `retry()` sends the last attempt again with its key; and a `mutate()` with the same
 * details after an answer that never arrived reuses it), so a dropped response never moves money
 * twice. Payments and consents are refetched afterwards.
 *
 * @returns a React Query mutation; `mutate({ recurringPaymentId, amount, payeeRef, payerRef })`;
 *   `data.data` is `{ paymentId, status }`; `retry()` repeats the last attempt; `error` is a
 *   `BffError` (`payment_failed` when over a limit, `not_found`, `network_error`, ...)
 * @see moneyhub-protocol.md §4.8
 */
export function usePayWithRecurringPayment() {
  const client = useBffClient()
  const queryClient = useQueryClient()
  const last = useRef<RecurringPaymentPayVariables | undefined>(undefined)
  const mutation = useMutation<RecurringPaymentPayResponse, BffError, RecurringPaymentPayVariables>(
    {
      mutationFn: (variables) => {
        return client.request({
          method: 'POST',
          path: `/recurring-payments/${encodeURIComponent(variables.recurringPaymentId)}/pay`,
          body: pickDefined(variables, BODY),
          headers: { 'Idempotency-Key': variables.idempotencyKey ?? newKey() },
          schema: paymentSchema('recurringPaymentPay'),
        })
      },
      // Safe only because the key stays the same: the BFF answers a repeat with the first result.
      retry: (count, error) => count < 2 && error.code === 'network_error',
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: mhkitKeys.payments() }),
          queryClient.invalidateQueries({ queryKey: mhkitKeys.recurringPayments() }),
        ]),
    },
  )
  const withKey = (variables: RecurringPaymentPayVariables) => {
    const previous = last.current
    // A person who presses "Pay" again after a dropped answer (network failure, timeout) is
    // retrying the same attempt: its outcome is unknown, so it keeps its key and the BFF answers
    // with the first result instead of paying twice. A definitive answer (paid, refused) or
    // other details start a new attempt with a new key.
    const unknownOutcome = mutation.status === 'error' && OUTCOME_UNKNOWN.has(mutation.error.code)
    const reused =
      unknownOutcome && previous !== undefined && sameAttempt(previous, variables)
        ? previous.idempotencyKey
        : undefined
    const attempt = { ...variables, idempotencyKey: variables.idempotencyKey ?? reused ?? newKey() }
    last.current = attempt
    return attempt
  }
  return {
    ...mutation,
    mutate: (
      variables: RecurringPaymentPayVariables,
      options?: Parameters<typeof mutation.mutate>[1],
    ) => mutation.mutate(withKey(variables), options),
    mutateAsync: (
      variables: RecurringPaymentPayVariables,
      options?: Parameters<typeof mutation.mutateAsync>[1],
    ) => mutation.mutateAsync(withKey(variables), options),
    /** Sends the last attempt again with the same `Idempotency-Key`. */
    retry: () => {
      if (last.current) mutation.mutate(last.current)
    },
  }
}
