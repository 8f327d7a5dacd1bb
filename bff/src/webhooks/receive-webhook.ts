import { isMoneyhubError, type MoneyhubClient } from '../moneyhub'
import { safeEqual } from '../session/ids'

import type { WebhookConfig } from './webhook-config'
import { WebhookRefusal } from './webhook-refusal'
import { webhookFromJson, webhooksFromToken, type MoneyhubWebhook } from './moneyhub-webhook'

/** One incoming delivery as the route read it. */
export interface IncomingWebhook {
  /** The media type, lower-case, without parameters. */
  mediaType: string
  body: string
  /** The secret from the path segment or `X-Webhook-Secret`, if any. */
  secret: string | undefined
}

/**
 * Authenticates and parses one delivery into its webhooks, in a fixed order: media type →
 * (JSON: operator opt-in, then the shared secret) → (JWT: signature, algorithms, `iss`, `aud`,
 * `iat` age, required claims) → shape. Never looks at the user or the replay store.
 *
 * @param moneyhub - verifies tokens against Moneyhub's JWKS
 * @param config - the accepted format and the JSON secret
 * @param incoming - the delivery
 * @throws WebhookRefusal `webhook_unsupported_media_type` | `webhook_unauthorised` |
 *   `webhook_invalid_signature` | `webhook_malformed` | `webhook_unavailable` (JWKS unreachable)
 */
export async function receiveWebhook(
  moneyhub: MoneyhubClient,
  config: WebhookConfig,
  incoming: IncomingWebhook,
): Promise<{ deliveryId: string; userId: string; webhooks: MoneyhubWebhook[] }> {
  if (incoming.mediaType === 'application/jwt') {
    const token = incoming.body.trim()
    let claims
    try {
      claims = await moneyhub.verifySecurityEventToken(token, {
        maxAgeSeconds: config.maxAgeSeconds ?? 300,
      })
    } catch (err) {
      if (isMoneyhubError(err) && err.code === 'invalid_security_event_token') {
        throw new WebhookRefusal('webhook_invalid_signature', err.message)
      }
      throw new WebhookRefusal(
        'webhook_unavailable',
        isMoneyhubError(err) ? `jwks ${err.code}` : 'verification failed',
      )
    }
    const webhooks = webhooksFromToken(claims)
    if (webhooks === undefined) throw new WebhookRefusal('webhook_malformed', 'token ids malformed')
    return { deliveryId: claims.jti, userId: claims.sub, webhooks }
  }
  if (incoming.mediaType === 'application/json') {
    // Unsigned JSON proves nothing about its sender: only with the operator's opt-in and the
    // shared secret (docs/webhooks.md "JSON format").
    if (config.format !== 'json' || config.secret === undefined) {
      throw new WebhookRefusal('webhook_unsupported_media_type', 'json format not enabled')
    }
    if (incoming.secret === undefined || !safeEqual(incoming.secret, config.secret)) {
      throw new WebhookRefusal('webhook_unauthorised', 'webhook secret missing or wrong')
    }
    let json: unknown
    try {
      json = JSON.parse(incoming.body)
    } catch {
      throw new WebhookRefusal('webhook_malformed', 'body is not JSON')
    }
    const webhook = webhookFromJson(json)
    if (webhook === undefined) throw new WebhookRefusal('webhook_malformed', 'body shape')
    return { deliveryId: webhook.deliveryId, userId: webhook.userId, webhooks: [webhook] }
  }
  throw new WebhookRefusal('webhook_unsupported_media_type', 'media type')
}
