import type { BffError, BffErrorCode } from './bff-error'
import { actionLabel, describeError } from './describe-error'
import type { ErrorAction, ErrorDescription } from './describe-error'
import type { MhkitMessages } from '../messages/mhkit-messages'

type Entry = readonly [title: string, message: string, action: ErrorAction]

// The situations where a payment needs other words than a bank connection: above all, whether
// money moved and which details to check. Everything else reads as describeError says. Each
// group's name is the middle of its message keys (`paymentErrorDeniedTitle`, …).
const groups = {
  NotFinished: [
    'Could not finish the payment',
    'This payment did not complete and no money has moved. Please start again.',
    'start-again',
  ],
  Denied: [
    'Payment not authorised',
    'The payment was not authorised at your bank, so no money has moved. You can try again whenever you are ready.',
    'start-again',
  ],
  Details: [
    'Check the payment details',
    'The bank details, amount or reference were not accepted. Check them and try again.',
    'start-again',
  ],
  NotFound: [
    'Payment not found',
    'We could not find this payment. Check you are signed in as the person who made it, or start a new payment.',
    'start-again',
  ],
  NotCompleted: [
    'Payment not completed yet',
    'Only a completed payment can be refunded. Check its status again in a little while.',
    'retry',
  ],
  NotReversible: [
    'This payment cannot be refunded',
    'The bank does not allow this payment to be refunded here, and no money has moved. Contact the payee to arrange a refund.',
    'start-again',
  ],
  PermissionNotFound: [
    'Payment permission not found',
    'We could not find this recurring payment permission. Set up a new one to pay this way.',
    'start-again',
  ],
  PermissionNotActive: [
    'Payment permission not active',
    'This recurring payment permission has ended, been revoked or has not started yet, so no money has moved. Set up a new one to keep paying.',
    'start-again',
  ],
  OverLimit: [
    'Over the agreed limit',
    'This payment is more than the permission allows, so no money has moved. Pay a smaller amount, or wait until the limit resets.',
    'start-again',
  ],
  StandingOrderNotFound: [
    'Standing order not found',
    'We could not find this standing order. Check you are signed in as the person who set it up.',
    'start-again',
  ],
  DetailsChanged: [
    'Payment details changed',
    'A retry of this payment carried different details, so nothing was paid again. Start the payment again.',
    'start-again',
  ],
  InProgress: [
    'Payment still being processed',
    'This payment is still being processed. Wait a moment before checking it again; it will not be paid twice.',
    'wait',
  ],
} satisfies Record<string, Entry>

const groupOf: Partial<Record<BffErrorCode, keyof typeof groups>> = {
  access_denied: 'Denied',
  invalid_request: 'Details',
  not_found: 'NotFound',
  payment_not_found: 'NotFound',
  payment_not_completed: 'NotCompleted',
  payment_not_reversible: 'NotReversible',
  recurring_payment_not_found: 'PermissionNotFound',
  recurring_payment_not_active: 'PermissionNotActive',
  recurring_payment_limit_exceeded: 'OverLimit',
  standing_order_not_found: 'StandingOrderNotFound',
  idempotency_key_reused: 'DetailsChanged',
  idempotency_key_in_progress: 'InProgress',
  forbidden: 'NotFinished',
  flow_not_found: 'NotFinished',
  flow_expired: 'NotFinished',
  state_mismatch: 'NotFinished',
  iss_mismatch: 'NotFinished',
  invalid_id_token: 'NotFinished',
}

/**
 * {@link describeError} worded for a payment, refund, VRP payment or standing order: says
 * whether money moved and what to do (check the details, start again, try again).
 *
 * @param error - the error, or just its code
 * @param m - the app's wording overrides (`useMessages()`): `paymentError<Group>Title` and
 *   `paymentError<Group>Message` replace the defaults; other errors read as in `describeError`
 * @returns the human description
 */
export function describePaymentError(
  error: BffError | BffErrorCode,
  m: MhkitMessages = {},
): ErrorDescription {
  const group = groupOf[typeof error === 'string' ? error : error.code]
  if (!group) return describeError(error, m)
  const [title, message, action] = groups[group]
  return {
    title: m[`paymentError${group}Title`] ?? title,
    message: m[`paymentError${group}Message`] ?? message,
    action,
    actionLabel: actionLabel(action, m),
  }
}
