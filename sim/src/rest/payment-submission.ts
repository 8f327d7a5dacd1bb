import { randomUUID } from 'node:crypto'

import { MOCK_BANK_ID } from '../banks'
import { INVALID_SUBMISSION_REFERENCE } from '../identity/authorization-rules'
import type { SimState } from '../state'
import { submitToBank } from './payment-settlement'

/**
 * Submit what a consent authorised once its code is exchanged (Moneyhub submits payments only
 * at code exchange): a payment goes to the bank, which settles it at once unless the admin API
 * queued another outcome (pending for a while, rejected, insufficient funds); the mock bank's
 * `INVALID SUBMISSION` reference fails it with `error:paymentSubmission`. A standing order is
 * initiated, a VRP consent becomes usable.
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
    payment.paymentSubmissionId = randomUUID()
    if (failed) {
      payment.finalisedAt = at
      payment.status = 'error:paymentSubmission'
      payment.providerStatus = 'Rejected'
    } else {
      Object.assign(payment, submitToBank(state.bankOutcomes.next(), now))
    }
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
