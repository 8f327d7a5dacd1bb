import type { BffError, BffErrorCode } from './bff-error'
import { describeError, errorActionLabels } from './describe-error'
import type { ErrorAction, ErrorDescription } from './describe-error'

type Entry = readonly [title: string, message: string, action: ErrorAction]

const notFinished: Entry = [
  'Could not finish the payment',
  'This payment did not complete and no money has moved. Please start again.',
  'start-again',
]

// The situations where a payment needs other words than a bank connection: above all, whether
// money moved and which details to check. Everything else reads as describeError says.
const forPayment: Partial<Record<BffErrorCode, Entry>> = {
  access_denied: [
    'Payment not authorised',
    'The payment was not authorised at your bank, so no money has moved. You can try again whenever you are ready.',
    'start-again',
  ],
  invalid_request: [
    'Check the payment details',
    'The bank details, amount or reference were not accepted. Check them and try again.',
    'start-again',
  ],
  not_found: [
    'Payment not found',
    'We could not find this payment. Check you are signed in as the person who made it, or start a new payment.',
    'start-again',
  ],
  payment_not_found: [
    'Payment not found',
    'We could not find this payment. Check you are signed in as the person who made it, or start a new payment.',
    'start-again',
  ],
  payment_not_completed: [
    'Payment not completed yet',
    'Only a completed payment can be refunded. Check its status again in a little while.',
    'retry',
  ],
  payment_not_reversible: [
    'This payment cannot be refunded',
    'The bank does not allow this payment to be refunded here, and no money has moved. Contact the payee to arrange a refund.',
    'start-again',
  ],
  recurring_payment_not_found: [
    'Payment permission not found',
    'We could not find this recurring payment permission. Set up a new one to pay this way.',
    'start-again',
  ],
  recurring_payment_not_active: [
    'Payment permission not active',
    'This recurring payment permission has ended, been revoked or has not started yet, so no money has moved. Set up a new one to keep paying.',
    'start-again',
  ],
  recurring_payment_limit_exceeded: [
    'Over the agreed limit',
    'This payment is more than the permission allows, so no money has moved. Pay a smaller amount, or wait until the limit resets.',
    'start-again',
  ],
  standing_order_not_found: [
    'Standing order not found',
    'We could not find this standing order. Check you are signed in as the person who set it up.',
    'start-again',
  ],
  idempotency_key_reused: [
    'Payment details changed',
    'A retry of this payment carried different details, so nothing was paid again. Start the payment again.',
    'start-again',
  ],
  idempotency_key_in_progress: [
    'Payment still being processed',
    'This payment is still being processed. Wait a moment before checking it again; it will not be paid twice.',
    'wait',
  ],
  forbidden: notFinished,
  flow_not_found: notFinished,
  flow_expired: notFinished,
  state_mismatch: notFinished,
  iss_mismatch: notFinished,
  invalid_id_token: notFinished,
}

/**
 * {@link describeError} worded for a payment, refund, VRP payment or standing order: says
 * whether money moved and what to do (check the details, start again, try again).
 *
 * @param error - the error, or just its code
 * @returns the human description
 */
export function describePaymentError(error: BffError | BffErrorCode): ErrorDescription {
  const code = typeof error === 'string' ? error : error.code
  const entry = forPayment[code]
  if (!entry) return describeError(error)
  const [title, message, action] = entry
  return { title, message, action, actionLabel: errorActionLabels[action] }
}
