/**
 * Stable codes of `POST /webhooks/moneyhub` refusals. Moneyhub (or whoever called) gets
 * `{ error: { code, message, correlationId } }`; the browser never sees these.
 */
export const webhookRefusalCodes = [
  'webhook_unsupported_media_type',
  'webhook_unauthorised',
  'webhook_invalid_signature',
  'webhook_malformed',
  'webhook_unknown_user',
  'webhook_too_large',
  'webhook_unavailable',
] as const

/** A stable refusal code. */
export type WebhookRefusalCode = (typeof webhookRefusalCodes)[number]

const STATUS: Record<WebhookRefusalCode, number> = {
  webhook_unsupported_media_type: 415,
  webhook_unauthorised: 401,
  webhook_invalid_signature: 401,
  webhook_malformed: 400,
  webhook_unknown_user: 404,
  webhook_too_large: 413,
  webhook_unavailable: 503,
}

const MESSAGE: Record<WebhookRefusalCode, string> = {
  webhook_unsupported_media_type:
    'Webhooks must be application/jwt (or application/json when enabled).',
  webhook_unauthorised: 'The webhook is not authorised.',
  webhook_invalid_signature: 'The webhook token failed verification.',
  webhook_malformed: 'The webhook body is not a valid Moneyhub webhook.',
  webhook_unknown_user: 'The webhook is about a user this service does not know.',
  webhook_too_large: 'The webhook body is too large.',
  webhook_unavailable: 'The webhook could not be checked now.',
}

/** A refused delivery: a code for the caller, a reason for the security log. */
export class WebhookRefusal extends Error {
  readonly code: WebhookRefusalCode
  readonly status: number
  /** Why, for the log only (e.g. the jose check that failed); never the body. */
  readonly reason: string

  constructor(code: WebhookRefusalCode, reason: string) {
    super(MESSAGE[code])
    this.name = 'WebhookRefusal'
    this.code = code
    this.status = STATUS[code]
    this.reason = reason
  }
}
