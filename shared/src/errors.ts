import { z } from 'zod'

/**
 * Every error code the BFF may put in an API error body, in one closed list.
 *
 * The list is the contract: the kit switches on these strings, the BFF's single error mapper
 * produces only these, and upstream (Moneyhub) error text is never relayed in their place
 * (docs/decisions/008-errors-are-data.md). Adding a code is a minor change; renaming or removing
 * one is a breaking change for every app that switches on it.
 */
export const errorCodes = [
  // Request hygiene (CSRF, media type, size, shape) — docs/security.md C1–C3, I3.
  'csrf_header_missing',
  'origin_mismatch',
  'unsupported_media_type',
  'invalid_request',
  'payload_too_large',
  'not_found',
  'method_not_allowed',
  // Session.
  'unauthenticated',
  'session_expired',
  'forbidden',
  'rate_limited',
  // Login / consent flows and the callback.
  'flow_not_found',
  'flow_expired',
  'state_mismatch',
  'iss_mismatch',
  'access_denied',
  'invalid_id_token',
  // Banks, connections and consent at the bank.
  'bank_not_found',
  'reauth_required',
  'consent_expired',
  'connection_not_found',
  'transaction_from_too_early',
  // Moneyhub (upstream) failures, never with upstream text.
  'upstream_error',
  'upstream_timeout',
  'upstream_unavailable',
  'upstream_rate_limited',
  'invalid_upstream_response',
  // Payments.
  'payment_failed',
  'payment_not_found',
  'payment_not_completed',
  'payment_not_reversible',
  'recurring_payment_not_found',
  'recurring_payment_not_active',
  'recurring_payment_limit_exceeded',
  'standing_order_not_found',
  'idempotency_key_reused',
  'idempotency_key_in_progress',
  // Ours.
  'service_unavailable',
  'not_implemented',
  'internal_error',
] as const

/** A stable, machine-readable error code of the BFF↔browser API. */
export type ErrorCode = (typeof errorCodes)[number]

/** zod schema of {@link ErrorCode}; rejects any string outside the closed list. */
export const errorCodeSchema = z.enum(errorCodes)

const errorCatalog: { readonly [C in ErrorCode]: { status: number; message: string } } = {
  csrf_header_missing: {
    status: 403,
    message: 'The X-CSRF: 1 request header is required on every /api request.',
  },
  origin_mismatch: { status: 403, message: 'The request did not come from the app origin.' },
  unsupported_media_type: {
    status: 415,
    message: 'The request body must be sent as Content-Type: application/json.',
  },
  invalid_request: { status: 400, message: 'The request body or query is not valid.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  not_found: { status: 404, message: 'Not found.' },
  method_not_allowed: { status: 405, message: 'This method is not allowed on this route.' },
  unauthenticated: { status: 401, message: 'There is no session; connect a bank first.' },
  session_expired: { status: 401, message: 'The session has expired; connect again.' },
  forbidden: { status: 403, message: 'This session may not do that.' },
  rate_limited: { status: 429, message: 'Too many requests; try again later.' },
  flow_not_found: { status: 404, message: 'This connect or payment flow does not exist.' },
  flow_expired: { status: 410, message: 'This connect or payment flow has expired; start again.' },
  state_mismatch: { status: 400, message: 'The callback does not match a flow started here.' },
  iss_mismatch: { status: 400, message: 'The callback came from an unexpected issuer.' },
  access_denied: { status: 403, message: 'The request was not authorised at the bank.' },
  invalid_id_token: { status: 502, message: 'The identity service returned an invalid ID token.' },
  reauth_required: {
    status: 401,
    message: 'The bank connection must be re-authorised by the user.',
  },
  consent_expired: { status: 403, message: 'The consent for this bank connection has expired.' },
  bank_not_found: { status: 404, message: 'No bank with this id is in the bank lists.' },
  connection_not_found: { status: 404, message: 'This bank connection does not exist.' },
  transaction_from_too_early: {
    status: 400,
    message:
      'consent.transactionFromDateTime is earlier than this bank allows; ask from earliestTransactionFrom or later, or leave it out.',
  },
  upstream_error: { status: 502, message: 'Moneyhub could not complete the request.' },
  upstream_timeout: { status: 504, message: 'Moneyhub did not answer in time.' },
  upstream_unavailable: { status: 503, message: 'Moneyhub is unavailable; try again later.' },
  upstream_rate_limited: {
    status: 429,
    message: 'Moneyhub is limiting requests; try again later.',
  },
  invalid_upstream_response: {
    status: 502,
    message: 'Moneyhub returned a response the server could not understand.',
  },
  payment_failed: { status: 422, message: 'The payment did not go through.' },
  payment_not_found: { status: 404, message: 'This payment does not exist.' },
  payment_not_completed: {
    status: 409,
    message: 'Only a completed payment can be refunded; wait until it has completed.',
  },
  payment_not_reversible: {
    status: 409,
    message: 'This payment cannot be refunded through the bank; refund it another way.',
  },
  recurring_payment_not_found: {
    status: 404,
    message: 'This recurring payment consent does not exist.',
  },
  recurring_payment_not_active: {
    status: 409,
    message: 'This recurring payment consent is not active; ask the user for a new one.',
  },
  recurring_payment_limit_exceeded: {
    status: 422,
    message: 'The amount is over a limit of this recurring payment consent; pay less.',
  },
  standing_order_not_found: { status: 404, message: 'This standing order does not exist.' },
  idempotency_key_reused: {
    status: 409,
    message: 'This Idempotency-Key was already used with another request; use a new key.',
  },
  idempotency_key_in_progress: {
    status: 409,
    message: 'A request with this Idempotency-Key is still being processed; retry shortly.',
  },
  service_unavailable: {
    status: 503,
    message: 'The service is briefly unavailable; try again shortly.',
  },
  not_implemented: { status: 501, message: 'This feature is not available yet.' },
  internal_error: { status: 500, message: 'Something went wrong on the server.' },
}

/**
 * The default HTTP status for an error code, used by the BFF's one error mapper.
 *
 * @param code - a closed-list error code.
 * @returns the HTTP status (400–504) the BFF answers with unless a route has a better reason.
 * @see docs/architecture.md §3 and docs/decisions/008-errors-are-data.md.
 */
export function errorStatus(code: ErrorCode): number {
  return errorCatalog[code].status
}

/**
 * A safe, generic, human-readable message for an error code. The BFF uses it whenever it has
 * no better text of its own, so upstream wording never reaches the browser.
 *
 * @param code - a closed-list error code.
 * @returns an English sentence of at most 500 characters with no request data in it.
 */
export function errorMessage(code: ErrorCode): string {
  return errorCatalog[code].message
}

/**
 * Whether a value is one of the closed-list error codes.
 *
 * @param value - anything, e.g. the `code` of an error body from a possibly newer BFF.
 * @returns `true` when `value` is an {@link ErrorCode}.
 */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCatalog, value)
}

/** Longest `message` in an error body. */
export const ERROR_MESSAGE_MAX = 500

/**
 * A correlation id: the BFF's own request id (also in its log line and the `X-Request-Id`
 * header), so a user can quote it to support. Never an upstream token or secret.
 */
export const correlationIdSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/)

/** One field-level problem of an `invalid_request`: where (a dotted path) and what. */
export const errorIssueSchema = z.strictObject({
  path: z.string().max(200),
  message: z.string().min(1).max(200),
})

/**
 * The body of every non-2xx JSON answer of `/api/*`:
 * `{ error: { code, message, correlationId, retryAfter?, issues?, earliestTransactionFrom? } }`.
 *
 * - `retryAfter` (whole seconds) is present when the answer also carries a `Retry-After`
 *   header — `rate_limited`, `upstream_rate_limited`, `upstream_unavailable`, `service_unavailable` — so a client
 *   that cannot read headers still knows when to retry.
 * - `issues` (at most 20) may accompany `invalid_request` to point at the offending fields;
 *   messages describe the rule, never echo the submitted value.
 * - `earliestTransactionFrom` accompanies `transaction_from_too_early`: the earliest
 *   `consent.transactionFromDateTime` the bank allows, as the first whole UTC day at or after
 *   the limit (so it stays valid for the rest of the day) — what a UI offers as "as far back as
 *   this bank allows".
 */
export const errorBodySchema = z.strictObject({
  error: z.strictObject({
    code: errorCodeSchema,
    message: z.string().min(1).max(ERROR_MESSAGE_MAX),
    correlationId: correlationIdSchema,
    retryAfter: z.int().min(0).max(86_400).optional(),
    issues: z.array(errorIssueSchema).max(20).optional(),
    earliestTransactionFrom: z.iso.datetime().optional(),
  }),
})

/** The API error body; see {@link errorBodySchema}. */
export type ErrorBody = z.infer<typeof errorBodySchema>
/** One field-level problem of an `invalid_request`. */
export type ErrorIssue = z.infer<typeof errorIssueSchema>
