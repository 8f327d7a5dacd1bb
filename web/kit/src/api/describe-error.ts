import type { BffError, BffErrorCode } from './bff-error'

/** What a person can do about an error. */
export type ErrorAction =
  'retry' | 'reconnect' | 'sign-in' | 'start-again' | 'wait' | 'contact-support'

/** A human explanation of a {@link BffError}, for people rather than developers. */
export interface ErrorDescription {
  /** Short title, e.g. "Connection lost". */
  title: string
  /** One or two sentences that say what happened and what to do. */
  message: string
  /** The one action the UI should offer. */
  action: ErrorAction
  /** Label for the action's button. */
  actionLabel: string
}

type Entry = readonly [title: string, message: string, action: ErrorAction]

/** The button label of each action. */
export const errorActionLabels: { readonly [A in ErrorAction]: string } = {
  retry: 'Try again',
  reconnect: 'Reconnect your bank',
  'sign-in': 'Sign in',
  'start-again': 'Start again',
  wait: 'Try again',
  'contact-support': 'Try again',
}

// Written for the person using the app: no codes, no jargon, always a next step. Codes that
// need the same next step share one message; anything not listed is "something went wrong,
// try again" (request hygiene codes, internal errors — nothing the person can do differently).
const messages = {
  generic: ['Something went wrong', 'Something went wrong on our side. Please try again.', 'retry'],
  offline: [
    'Connection lost',
    'We could not reach the server. Check your connection and try again.',
    'retry',
  ],
  signedOut: [
    'Signed out',
    'You are signed out. Sign in or connect your bank to continue.',
    'sign-in',
  ],
  input: [
    'Check your details',
    'Something you entered was not accepted. Check it and try again.',
    'start-again',
  ],
  busy: ['Too many requests', 'The service is busy. Please wait a moment, then try again.', 'wait'],
  upstream: [
    'Moneyhub unavailable',
    'Moneyhub did not answer as expected. Please try again in a moment.',
    'retry',
  ],
  flow: [
    'Could not finish connecting',
    'This attempt to connect your bank did not complete. Please start again.',
    'start-again',
  ],
  denied: [
    'Not authorised',
    'The connection was not authorised at your bank. You can try again whenever you are ready.',
    'start-again',
  ],
  reconnect: [
    'Reconnect needed',
    'Your permission to share data from this bank has ended or needs confirming. Reconnect to continue.',
    'reconnect',
  ],
  payment: [
    'Payment failed',
    'The payment did not go through. No money has moved. You can try again.',
    'start-again',
  ],
  unavailable: ['Not available', 'This feature is not available yet.', 'contact-support'],
} satisfies Record<string, Entry>

const groupOf: Partial<Record<BffErrorCode, keyof typeof messages>> = {
  network_error: 'offline',
  invalid_request: 'input',
  unauthenticated: 'signedOut',
  session_expired: 'signedOut',
  rate_limited: 'busy',
  upstream_rate_limited: 'busy',
  upstream_unavailable: 'busy',
  service_unavailable: 'busy',
  upstream_error: 'upstream',
  upstream_timeout: 'upstream',
  invalid_upstream_response: 'upstream',
  forbidden: 'flow',
  flow_not_found: 'flow',
  flow_expired: 'flow',
  state_mismatch: 'flow',
  iss_mismatch: 'flow',
  invalid_id_token: 'flow',
  access_denied: 'denied',
  reauth_required: 'reconnect',
  consent_expired: 'reconnect',
  connection_not_found: 'reconnect',
  transaction_from_too_early: 'flow',
  payment_failed: 'payment',
  not_implemented: 'unavailable',
}

/**
 * Maps a {@link BffError} (or its code) to a message a person can act on: a title, a sentence
 * and one action (retry, reconnect, start again, wait). Components use it for every error they
 * show; apps can use it for their own error UI.
 *
 * @param error - the error, or just its code
 * @returns the human description; unknown codes fall back to a generic retryable message
 * @see docs/decisions/008-errors-are-data.md
 */
export function describeError(error: BffError | BffErrorCode): ErrorDescription {
  const code = typeof error === 'string' ? error : error.code
  const [title, message, action] = messages[groupOf[code] ?? 'generic']
  let text = message
  if (typeof error !== 'string' && action === 'wait' && error.retryAfter !== undefined) {
    text = `${message} (in about ${Math.max(1, error.retryAfter)} seconds)`
  }
  return { title, message: text, action, actionLabel: errorActionLabels[action] }
}
