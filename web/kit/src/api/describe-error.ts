import type { BffError, BffErrorCode } from './bff-error'
import type { ErrorAction } from './error-action'
import type { MhkitMessages } from '../messages/mhkit-messages'

export type { ErrorAction } from './error-action'

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
const actionLabels: { readonly [A in ErrorAction]: string } = {
  retry: 'Try again',
  reconnect: 'Reconnect your bank',
  'sign-in': 'Sign in',
  'start-again': 'Start again',
  wait: 'Try again',
  'contact-support': 'Try again',
}

/**
 * The button label of an action, from the app's messages (`actionLabels`) or the kit's default.
 *
 * @param action - the action
 * @param m - the app's wording overrides
 */
export function actionLabel(action: ErrorAction, m: MhkitMessages = {}): string {
  return m.actionLabels?.[action] ?? actionLabels[action]
}

// Written for the person using the app: no codes, no jargon, always a next step. Codes that
// need the same next step share one message; anything not listed is "something went wrong,
// try again" (request hygiene codes, internal errors — nothing the person can do differently).
// Each group's name is the middle of its message keys (`errorOfflineTitle`, `errorOfflineMessage`).
const groups = {
  Generic: ['Something went wrong', 'Something went wrong on our side. Please try again.', 'retry'],
  Offline: [
    'Connection lost',
    'We could not reach the server. Check your connection and try again.',
    'retry',
  ],
  SignedOut: [
    'Signed out',
    'You are signed out. Sign in or connect your bank to continue.',
    'sign-in',
  ],
  Input: [
    'Check your details',
    'Something you entered was not accepted. Check it and try again.',
    'start-again',
  ],
  Busy: ['Too many requests', 'The service is busy. Please wait a moment, then try again.', 'wait'],
  Upstream: [
    'Moneyhub unavailable',
    'Moneyhub did not answer as expected. Please try again in a moment.',
    'retry',
  ],
  Flow: [
    'Could not finish connecting',
    'This attempt to connect your bank did not complete. Please start again.',
    'start-again',
  ],
  Denied: [
    'Not authorised',
    'The connection was not authorised at your bank. You can try again whenever you are ready.',
    'start-again',
  ],
  Reconnect: [
    'Reconnect needed',
    'Your permission to share data from this bank has ended or needs confirming. Reconnect to continue.',
    'reconnect',
  ],
  Payment: [
    'Payment failed',
    'The payment did not go through. No money has moved. You can try again.',
    'start-again',
  ],
  Unavailable: ['Not available', 'This feature is not available yet.', 'contact-support'],
} satisfies Record<string, Entry>

const groupOf: Partial<Record<BffErrorCode, keyof typeof groups>> = {
  network_error: 'Offline',
  invalid_request: 'Input',
  unauthenticated: 'SignedOut',
  session_expired: 'SignedOut',
  rate_limited: 'Busy',
  upstream_rate_limited: 'Busy',
  upstream_unavailable: 'Busy',
  service_unavailable: 'Busy',
  upstream_error: 'Upstream',
  upstream_timeout: 'Upstream',
  invalid_upstream_response: 'Upstream',
  forbidden: 'Flow',
  flow_not_found: 'Flow',
  flow_expired: 'Flow',
  state_mismatch: 'Flow',
  iss_mismatch: 'Flow',
  invalid_id_token: 'Flow',
  access_denied: 'Denied',
  reauth_required: 'Reconnect',
  consent_expired: 'Reconnect',
  connection_not_found: 'Reconnect',
  transaction_from_too_early: 'Flow',
  payment_failed: 'Payment',
  not_implemented: 'Unavailable',
}

/**
 * Maps a {@link BffError} (or its code) to a message a person can act on: a title, a sentence
 * and one action (retry, reconnect, start again, wait). Components use it for every error they
 * show; apps can use it for their own error UI.
 *
 * @param error - the error, or just its code
 * @param m - the app's wording overrides (`useMessages()`): `error<Group>Title`,
 *   `error<Group>Message`, `actionLabels` and `retryIn` replace the defaults
 * @returns the human description; unknown codes fall back to a generic retryable message
 * @see docs/decisions/008-errors-are-data.md
 */
export function describeError(
  error: BffError | BffErrorCode,
  m: MhkitMessages = {},
): ErrorDescription {
  const code = typeof error === 'string' ? error : error.code
  const group = groupOf[code] ?? 'Generic'
  const [title, message, action] = groups[group]
  let text = m[`error${group}Message`] ?? message
  if (typeof error !== 'string' && action === 'wait' && error.retryAfter !== undefined) {
    const seconds = Math.max(1, error.retryAfter)
    text = `${text} ${m.retryIn?.(seconds) ?? `(in about ${seconds} seconds)`}`
  }
  return {
    title: m[`error${group}Title`] ?? title,
    message: text,
    action,
    actionLabel: actionLabel(action, m),
  }
}
