/**
 * Moneyhub's webhook wire shapes, in both formats, normalised to one {@link MoneyhubWebhook}.
 * JSON: `{ id, eventType, userId, payload }`. JWT: a Security Event Token whose `events` object
 * holds one entry per event keyed by `urn:com:moneyhub:events:<kebab-case id>`, about the user in
 * `sub`. https://docs.moneyhubenterprise.com/docs/webhooks-introduction and
 * https://docs.moneyhubenterprise.com/docs/webhook-format
 */
import { z } from 'zod'

import type { SecurityEventTokenClaims } from '../moneyhub'

/** One event of one delivery, whichever format it came in. */
export interface MoneyhubWebhook {
  /** The delivery's id (`id` in JSON, `jti` in JWT): the replay key. */
  deliveryId: string
  /** Moneyhub's event id in camelCase, e.g. `paymentCompleted`. */
  eventType: string
  /** The Moneyhub user (`userId` in JSON, `sub` in JWT). */
  userId: string
  /** The event's payload, not yet validated (see `map-webhook.ts`). */
  payload: unknown
}

const URN_PREFIX = 'urn:com:moneyhub:events:'
/** Moneyhub user ids are 24 hex characters today; allow any short token-safe id. */
const userIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)
const deliveryIdSchema = z.string().regex(/^[A-Za-z0-9_.:-]{1,200}$/)
const eventTypeSchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/)

const jsonWebhookSchema = z.object({
  id: deliveryIdSchema,
  eventType: eventTypeSchema,
  userId: userIdSchema,
  payload: z.unknown(),
})

/** `payment-completed` → `paymentCompleted`. */
function camelCase(kebab: string): string {
  return kebab.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())
}

/**
 * The events of a verified Security Event Token; unknown URNs (not Moneyhub's namespace) are
 * dropped.
 *
 * @param claims - claims returned by `verifySecurityEventToken`
 * @returns one webhook per event, undefined when the claims' ids are malformed
 */
export function webhooksFromToken(claims: SecurityEventTokenClaims): MoneyhubWebhook[] | undefined {
  const userId = userIdSchema.safeParse(claims.sub)
  const deliveryId = deliveryIdSchema.safeParse(claims.jti)
  if (!userId.success || !deliveryId.success) return undefined
  const webhooks: MoneyhubWebhook[] = []
  for (const [urn, payload] of Object.entries(claims.events)) {
    if (!urn.startsWith(URN_PREFIX)) continue
    const eventType = camelCase(urn.slice(URN_PREFIX.length))
    if (!eventTypeSchema.safeParse(eventType).success) continue
    webhooks.push({ deliveryId: deliveryId.data, eventType, userId: userId.data, payload })
  }
  return webhooks
}

/**
 * A JSON-format delivery.
 *
 * @param body - the parsed request body
 * @returns the webhook, or undefined when the body is not Moneyhub's JSON shape
 */
export function webhookFromJson(body: unknown): MoneyhubWebhook | undefined {
  const parsed = jsonWebhookSchema.safeParse(body)
  if (!parsed.success) return undefined
  const { id, eventType, userId, payload } = parsed.data
  return { deliveryId: id, eventType, userId, payload }
}
