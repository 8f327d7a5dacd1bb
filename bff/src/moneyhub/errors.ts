/**
 * The one error class of the Moneyhub client, with a closed union of stable codes.
 *
 * Messages and enumerable fields never carry a token, code, verifier, assertion or key: the
 * evidence (an upstream `Response`, a library error) lives in a non-enumerable `cause`, so
 * `JSON.stringify(err)` and structured loggers never print it.
 */

/** Every code a {@link MoneyhubError} can carry. */
export const moneyhubErrorCodes = [
  'discovery_failed',
  'issuer_mismatch',
  'par_failed',
  'state_mismatch',
  'iss_mismatch',
  'access_denied',
  'authorization_error',
  'invalid_callback',
  'invalid_id_token',
  'invalid_security_event_token',
  'token_request_failed',
  'reauth_required',
  'rate_limited',
  'upstream_timeout',
  'upstream_error',
  'upstream_unavailable',
  'invalid_upstream_response',
  'not_found',
  'invalid_input',
  'consent_expired',
  'forbidden',
  'unauthorized',
] as const

/** Closed union of the stable error codes of the Moneyhub client. */
export type MoneyhubErrorCode = (typeof moneyhubErrorCodes)[number]

/** Structured details of a {@link MoneyhubError}. */
export interface MoneyhubErrorDetails {
  /** HTTP status of the upstream response, when there was one. */
  status?: number
  /** Upstream OAuth `error` or data-API `code` (a code, never free text). */
  error?: string
  /** Upstream `correlationId` to quote to Moneyhub support. */
  correlationId?: string
  /** The `x-fapi-interaction-id` this client sent with the failed call (docs/security.md L3). */
  interactionId?: string
  /** Seconds the caller should wait before trying again (429 / 503). */
  retryAfter?: number
  /** Evidence (upstream `Response`, library error); kept non-enumerable. */
  cause?: unknown
}

/**
 * A protocol or upstream failure. Caller misuse (wrong argument types, missing options) throws
 * `TypeError` instead.
 */
export class MoneyhubError extends Error {
  readonly code: MoneyhubErrorCode
  readonly status?: number
  readonly error?: string
  readonly correlationId?: string
  readonly interactionId?: string
  readonly retryAfter?: number
  declare readonly cause?: unknown

  constructor(code: MoneyhubErrorCode, message: string, details: MoneyhubErrorDetails = {}) {
    super(message)
    this.name = 'MoneyhubError'
    this.code = code
    if (details.status !== undefined) this.status = details.status
    if (details.error !== undefined) this.error = details.error
    if (details.correlationId !== undefined) this.correlationId = details.correlationId
    if (details.interactionId !== undefined) this.interactionId = details.interactionId
    if (details.retryAfter !== undefined) this.retryAfter = details.retryAfter
    // Non-enumerable so a logger serialising the error never prints the evidence.
    Object.defineProperty(this, 'cause', {
      value: details.cause,
      enumerable: false,
      writable: false,
      configurable: true,
    })
  }
}

/**
 * Narrow an unknown value to a {@link MoneyhubError}, optionally of one code.
 *
 * @param value - anything caught
 * @param code - the code to match, if any
 */
export function isMoneyhubError(value: unknown, code?: MoneyhubErrorCode): value is MoneyhubError {
  return value instanceof MoneyhubError && (code === undefined || value.code === code)
}
