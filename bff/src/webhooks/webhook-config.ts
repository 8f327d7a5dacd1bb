/**
 * How `POST /webhooks/moneyhub` accepts deliveries (docs/webhooks.md). `jwt` (the default):
 * only signed Security Event Tokens, verified against Moneyhub's JWKS. `json`: Moneyhub's
 * unsigned JSON format is accepted too, but only with the shared `secret` in the path
 * (`/webhooks/moneyhub/<secret>`) or the `X-Webhook-Secret` header.
 */
export interface WebhookConfig {
  /** MONEYHUB_WEBHOOK_FORMAT. */
  format: 'jwt' | 'json'
  /** MONEYHUB_WEBHOOK_SECRET: at least 32 characters; required for `json`. */
  secret?: string
  /** How old a token's `iat` may be (default 300 s). */
  maxAgeSeconds?: number
}

/** Largest webhook body accepted: Moneyhub caps an event at 6000 transaction ids. */
export const WEBHOOK_BODY_LIMIT_BYTES = 512 * 1024

/** The minimum length of a JSON-format secret. */
export const WEBHOOK_SECRET_MIN_LENGTH = 32
