import { useMutation } from '@tanstack/react-query'
import { paymentSchema } from '../api/payment-schema'
import type { PaymentAnswer } from '../api/payment-schema'
import type { BffError } from '../api/bff-error'
import { useBffClient } from '../api/mhkit-context'

/** What {@link useFundsConfirmation}'s `mutate` takes: the VRP consent and an amount in pence. */
export interface FundsConfirmationVariables {
  recurringPaymentId: string
  /** Whole pence. */
  amount: number
}

/**
 * Asks the payer's bank whether their account holds an amount, through a VRP consent
 * (`POST /api/recurring-payments/:id/funds-confirmation`, docs/moneyhub-protocol.md §4.8):
 * a check before paying, which moves no money. The answer is `{ data: { fundsAvailable,
 * checkedAt } }`.
 *
 * @returns a React Query mutation; `error` is a `BffError` (`recurring_payment_not_found`, ...)
 */
export function useFundsConfirmation() {
  const client = useBffClient()
  return useMutation<PaymentAnswer<'fundsConfirmation'>, BffError, FundsConfirmationVariables>({
    mutationFn: ({ recurringPaymentId, amount }) =>
      client.request({
        method: 'POST',
        path: `/recurring-payments/${encodeURIComponent(recurringPaymentId)}/funds-confirmation`,
        body: { amount, currency: 'GBP' },
        schema: paymentSchema('fundsConfirmation'),
      }),
  })
}
