import { errorMessage, errorStatus, type ErrorCode, type ErrorIssue } from '@mhkit/shared'

import { MoneyhubError, type MoneyhubErrorCode } from './moneyhub/errors'
import { STORE_RETRY_AFTER_SECONDS, StoreUnavailableError } from './session/guarded-store'

/**
 * The BFF's own error: a stable API code, an HTTP status and optional `Retry-After`. Thrown by
 * routes and middleware; the one error mapper (`middleware/error-handler.ts`) turns it into
 * `{ error: { code, message, correlationId } }`. docs/decisions/008-errors-are-data.md.
 */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly retryAfter?: number
  readonly issues?: ErrorIssue[]
  /** With `transaction_from_too_early`: the earliest date the bank allows (sent to the browser). */
  readonly earliestTransactionFrom?: string
  /** Reason code for the security log (e.g. `nonce_mismatch`), never sent to the browser. */
  readonly reason?: string
  /** The upstream OAuth `error` or data-API `code` (a code, never free text), for the log. */
  readonly upstreamError?: string
  /** The upstream HTTP status, for the log. */
  readonly upstreamStatus?: number
  /** The `x-fapi-interaction-id` of the failed Moneyhub call, for the log (docs/security.md L3). */
  readonly interactionId?: string

  constructor(
    code: ErrorCode,
    options: {
      status?: number
      message?: string
      retryAfter?: number
      issues?: ErrorIssue[]
      earliestTransactionFrom?: string
      reason?: string
      upstreamError?: string
      upstreamStatus?: number
      interactionId?: string
      cause?: unknown
    } = {},
  ) {
    super(options.message ?? errorMessage(code))
    this.name = 'AppError'
    this.code = code
    this.status = options.status ?? errorStatus(code)
    if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter
    if (options.issues !== undefined) this.issues = options.issues
    if (options.earliestTransactionFrom !== undefined) {
      this.earliestTransactionFrom = options.earliestTransactionFrom
    }
    if (options.reason !== undefined) this.reason = options.reason
    if (options.upstreamError !== undefined) this.upstreamError = options.upstreamError.slice(0, 60)
    if (options.upstreamStatus !== undefined) this.upstreamStatus = options.upstreamStatus
    if (options.interactionId !== undefined) this.interactionId = options.interactionId
    // Evidence stays off the enumerable fields so it is never serialised into a log line.
    Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false })
  }
}

const fromMoneyhub: { readonly [C in MoneyhubErrorCode]: ErrorCode } = {
  discovery_failed: 'upstream_unavailable',
  issuer_mismatch: 'upstream_error',
  par_failed: 'upstream_error',
  state_mismatch: 'state_mismatch',
  iss_mismatch: 'iss_mismatch',
  access_denied: 'access_denied',
  authorization_error: 'upstream_error',
  invalid_callback: 'invalid_request',
  invalid_id_token: 'invalid_id_token',
  invalid_security_event_token: 'invalid_request',
  token_request_failed: 'upstream_error',
  reauth_required: 'reauth_required',
  rate_limited: 'upstream_rate_limited',
  upstream_timeout: 'upstream_timeout',
  upstream_error: 'upstream_error',
  upstream_unavailable: 'upstream_unavailable',
  invalid_upstream_response: 'invalid_upstream_response',
  not_found: 'not_found',
  invalid_input: 'invalid_request',
  consent_expired: 'consent_expired',
  forbidden: 'forbidden',
  unauthorized: 'reauth_required',
}

/**
 * Maps any thrown value to an {@link AppError}: ours pass through, Moneyhub client errors map
 * by code (upstream text is dropped; `Retry-After` kept), a store outage is 503
 * `service_unavailable` with `Retry-After`, anything else is `internal_error`.
 *
 * @param error - anything caught
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error
  if (error instanceof MoneyhubError) {
    const code = fromMoneyhub[error.code]
    return new AppError(code, {
      reason: error.code,
      cause: error,
      ...(error.error === undefined ? {} : { upstreamError: error.error }),
      ...(error.status === undefined ? {} : { upstreamStatus: error.status }),
      ...(error.interactionId === undefined ? {} : { interactionId: error.interactionId }),
      ...(error.retryAfter === undefined ? {} : { retryAfter: Math.ceil(error.retryAfter) }),
    })
  }
  if (error instanceof StoreUnavailableError) {
    return new AppError('service_unavailable', {
      reason: `store_${error.operation}`,
      retryAfter: STORE_RETRY_AFTER_SECONDS,
      cause: error,
    })
  }
  return new AppError('internal_error', { cause: error })
}
