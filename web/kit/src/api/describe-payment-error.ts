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
