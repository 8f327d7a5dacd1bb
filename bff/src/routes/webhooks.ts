import type { LiveEvent } from '@mhkit/shared'
import { Hono, type Context } from 'hono'

import type { AppEnv } from '../context'
import type { EventAudience } from '../events/live-events'
import { StoreUnavailableError } from '../session/guarded-store'
import type { Services } from '../services'
import { applyEvent, eventAudience, type ApplyDeps } from '../webhooks/apply-webhook'
import { mapWebhook } from '../webhooks/map-webhook'
import { receiveWebhook } from '../webhooks/receive-webhook'
import { WEBHOOK_BODY_LIMIT_BYTES, type WebhookConfig } from '../webhooks/webhook-config'
import { WebhookRefusal } from '../webhooks/webhook-refusal'
import { firstDelivery } from '../webhooks/webhook-replays'

function refuse(c: Context<AppEnv>, refusal: WebhookRefusal) {
  // A security event: the code and the check that failed, never the body or the token.
  c.var.log.warn(
    { event: 'security', reason: 'webhook_refused', code: refusal.code, detail: refusal.reason },
    'webhook refused',
  )
  return c.json(
    { error: { code: refusal.code, message: refusal.message, correlationId: c.var.requestId } },
    refusal.status as 400,
  )
}

/**
 * `POST /webhooks/moneyhub` (and `/webhooks/moneyhub/:secret` for the JSON format): Moneyhub's
 * deliveries, outside `/api` (no CSRF header, no session: Moneyhub is the caller). Verifies,
 * maps and de-duplicates synchronously and answers 202 at once (Moneyhub waits 5 s and never
 * retries); publishing to the user's streams happens after the answer. docs/webhooks.md.
 *
 * Refusals: 415 `webhook_unsupported_media_type`, 401 `webhook_unauthorised` |
 * `webhook_invalid_signature`, 400 `webhook_malformed`, 404 `webhook_unknown_user`, 413
 * `webhook_too_large`, 503 `webhook_unavailable`; each logged as a security event.
 *
 * @param s - the app's services (the Moneyhub client verifies tokens)
 * @param deps - store, live events, clock
 * @param config - accepted format and JSON secret
 */
export function webhookRoutes(s: Services, deps: ApplyDeps, config: WebhookConfig) {
  const receive = async (c: Context<AppEnv>, pathSecret: string | undefined) => {
    try {
      const length = Number(c.req.header('content-length') ?? '0')
      if (length > WEBHOOK_BODY_LIMIT_BYTES) {
        throw new WebhookRefusal('webhook_too_large', 'content-length')
      }
      const body = await c.req.text()
      if (Buffer.byteLength(body) > WEBHOOK_BODY_LIMIT_BYTES) {
        throw new WebhookRefusal('webhook_too_large', 'body')
      }
      const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
      const delivery = await receiveWebhook(s.moneyhub, config, {
        mediaType: mediaType ?? '',
        body,
        secret: pathSecret ?? c.req.header('x-webhook-secret'),
      })
      const events: LiveEvent[] = []
      for (const webhook of delivery.webhooks) {
        const mapped = mapWebhook(webhook)
        if ('malformed' in mapped) {
          throw new WebhookRefusal('webhook_malformed', `payload of ${webhook.eventType}`)
        }
        if ('event' in mapped) events.push(mapped.event)
      }
      const targets: { audience: EventAudience; event: LiveEvent }[] = []
      for (const event of events) {
        const audience = await eventAudience(deps, delivery.userId, event)
        if (audience !== undefined) targets.push({ audience, event })
      }
      if (events.length > 0 && targets.length === 0) {
        throw new WebhookRefusal('webhook_unknown_user', 'no session or payment of this user')
      }
      if (!(await firstDelivery(deps.store, delivery.deliveryId))) {
        // Acknowledged, so an honest resend is not an error at Moneyhub, but never applied twice.
        c.var.log.warn(
          { event: 'security', reason: 'webhook_replay', eventTypes: eventTypes(delivery) },
          'webhook replay ignored',
        )
        return c.json({ received: true as const, duplicate: true }, 200)
      }
      c.var.log.info({ event: 'webhook', eventTypes: eventTypes(delivery) }, 'webhook received')
      const log = c.var.log
      // After the answer: Moneyhub's 5 s budget is not spent on fan-out.
      void (async () => {
        for (const { audience, event } of targets) await applyEvent(deps, audience, event)
      })().catch((err: unknown) => {
        log.error({ err, eventTypes: eventTypes(delivery) }, 'webhook could not be applied')
      })
      return c.json({ received: true as const }, 202)
    } catch (err) {
      if (err instanceof WebhookRefusal) return refuse(c, err)
      if (err instanceof StoreUnavailableError) {
        return refuse(c, new WebhookRefusal('webhook_unavailable', 'store unavailable'))
      }
      throw err
    }
  }
  return new Hono<AppEnv>()
    .post('/webhooks/moneyhub', (c) => receive(c, undefined))
    .post('/webhooks/moneyhub/:secret', (c) => receive(c, c.req.param('secret')))
}

function eventTypes(delivery: { webhooks: { eventType: string }[] }): string[] {
  return delivery.webhooks.map((w) => w.eventType)
}
