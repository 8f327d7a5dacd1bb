import { randomUUID } from 'node:crypto'

import { MOCK_BANK_ID } from '../banks'
import { INVALID_SUBMISSION_REFERENCE } from '../identity/authorization-rules'
import type { SimState } from '../state'

/**
 * Submit what a consent authorised once its code is exchanged (Moneyhub submits payments only
 * at code exchange): a payment completes (or fails with `error:paymentSubmission` for the mock
 * bank's `INVALID SUBMISSION` reference), a standing order is initiated, a VRP consent becomes
 * usable.
 *
 * @param state - The simulator's world.
 * @param grantId - The grant whose code was exchanged.
 * @param now - The simulator clock's time.
 */
export function markSubmitted(state: SimState, grantId: string, now: Date): void {
  const outcome = state.grantOutcomes.get(grantId)
  if (!outcome) return
  const at = now.toISOString()
  const paymentId = outcome.reversePaymentId ?? outcome.paymentId
  const payment = paymentId ? state.payments.get(paymentId) : undefined
  if (payment && payment.status === 'inProgress') {
    const failed =
      outcome.bankId === MOCK_BANK_ID &&
      (payment.payeeRef === INVALID_SUBMISSION_REFERENCE ||
        payment.payerRef === INVALID_SUBMISSION_REFERENCE)
    payment.exchangedAt = at
    payment.finalisedAt = at
    payment.paymentSubmissionId = randomUUID()
    payment.status = failed ? 'error:paymentSubmission' : 'completed'
    payment.providerStatus = failed ? 'Rejected' : 'AcceptedSettlementCompleted'
  }
  const standingOrder = outcome.standingOrderId
    ? state.standingOrders.get(outcome.standingOrderId)
    : undefined
  if (standingOrder && standingOrder.status === 'InProgress') {
    standingOrder.status = 'InitiationCompleted'
    standingOrder.updatedAt = at
  }
  const recurring = outcome.recurringPaymentId
    ? state.recurringPayments.get(outcome.recurringPaymentId)
    : undefined
  if (recurring && recurring.status === 'InProgress') {
    recurring.status = 'Authorised'
    recurring.updatedAt = at
  }
}
