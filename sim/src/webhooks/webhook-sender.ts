import { randomUUID } from 'node:crypto'

import { generateKeyPair, importJWK, SignJWT, type JWK } from 'jose'
import { z } from 'zod'

/** Where a client receives webhooks, as registered in Moneyhub's admin portal. */
export const webhookEndpointSchema = z.strictObject({
  clientId: z.string().min(1).max(200),
  url: z.url({ protocol: /^https?$/ }).max(2000),
  format: z.enum(['jwt', 'json']).default('jwt'),
})
/** A client's webhook endpoint. */
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>

/** How the admin API can spoil a delivery, to exercise a receiver's checks. */
export const corruptionSchema = z.enum([
  'signature',
  'wrong-key',
  'wrong-audience',
  'wrong-issuer',
  'stale',
  'malformed',
])
/** A way to spoil a delivery. */
export type Corruption = z.infer<typeof corruptionSchema>

/** One event as the simulator sends it. */
export interface WebhookEvent {
  clientId: string
  userId: string
  /** Moneyhub's camelCase event id, e.g. `newTransactions`. */
  eventType: string
  payload: Record<string, unknown>
}

/** One attempt to deliver a webhook, kept for the admin API. */
export interface WebhookDelivery {
  id: string
  event: WebhookEvent
  /** The `jti` (JWT) or `id` (JSON) the body carries. */
  deliveryId: string
  url: string
  contentType: 'application/jwt' | 'application/json'
  body: string
  /** The receiver's status; absent when the request failed (`error`). */
  status?: number
  error?: string
  sentAt: string
}

const DELIVERIES_MAX = 200
// Moneyhub waits 5 s for a 2xx and never retries (docs/webhooks.md).
const TIMEOUT_MS = 5_000

/** `paymentCompleted` → `payment-completed`, for the SET event URN. */
function kebabCase(camel: string): string {
  return camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
}

/** What the sender needs from the simulator. */
export interface WebhookSenderDeps {
  /** The `iss` of webhook tokens: the identity host, as in Moneyhub's example. */
  identityUrl: string
  /** The identity service's current private signing keys (an RS256 one signs webhooks). */
  signingKeys: () => JWK[]
  fetch?: typeof fetch
}

/**
 * Sends webhooks like Moneyhub: once, to the client's registered endpoint, in its chosen format
 * (JSON `{ id, eventType, userId, payload }`, or a Security Event Token signed RS256 with the
 * identity key), waiting at most 5 seconds. Keeps the last deliveries so the admin API can
 * resend (same body, same `jti`: a replay), duplicate (same event, new `jti`) or corrupt one.
 * https://docs.moneyhubenterprise.com/docs/webhook-format
 */
export class WebhookSender {
  private readonly endpoints = new Map<string, WebhookEndpoint>()
  private readonly deliveries: WebhookDelivery[] = []

  constructor(private readonly deps: WebhookSenderDeps) {}

  /** Registers (or replaces) a client's endpoint. */
  register(endpoint: WebhookEndpoint): void {
    this.endpoints.set(endpoint.clientId, endpoint)
  }

  /** Removes a client's endpoint; its events are then not sent. */
  unregister(clientId: string): void {
    this.endpoints.delete(clientId)
  }

  /** The kept deliveries, newest last. */
  list(): WebhookDelivery[] {
    return [...this.deliveries]
  }

  /** Sends an event when its client has an endpoint; undefined otherwise. */
  async emit(event: WebhookEvent): Promise<WebhookDelivery | undefined> {
    const endpoint = this.endpoints.get(event.clientId)
    if (endpoint === undefined) return undefined
    const deliveryId = randomUUID()
    const body = await this.encode(endpoint, event, deliveryId)
    return this.post(endpoint, event, deliveryId, body)
  }

  /** Sends a kept delivery's exact body again (the same `jti`: a replay). */
  async resend(id: string): Promise<WebhookDelivery | undefined> {
    const original = this.deliveries.find((d) => d.id === id)
    if (original === undefined) return undefined
    return this.post(
      { clientId: original.event.clientId, url: original.url, format: formatOf(original) },
      original.event,
      original.deliveryId,
      original.body,
    )
  }

  /** Sends a kept delivery's event again as a new delivery (a new `jti`). */
  async duplicate(id: string): Promise<WebhookDelivery | undefined> {
    const original = this.deliveries.find((d) => d.id === id)
    if (original === undefined) return undefined
    const endpoint = {
      clientId: original.event.clientId,
      url: original.url,
      format: formatOf(original),
    }
    const deliveryId = randomUUID()
    return this.post(
      endpoint,
      original.event,
      deliveryId,
      await this.encode(endpoint, original.event, deliveryId),
    )
  }

  /** Sends a kept delivery's event again, spoiled the way `how` says, with a new `jti`. */
  async corrupt(id: string, how: Corruption): Promise<WebhookDelivery | undefined> {
    const original = this.deliveries.find((d) => d.id === id)
    if (original === undefined) return undefined
    const endpoint = {
      clientId: original.event.clientId,
      url: original.url,
      format: formatOf(original),
    }
    const deliveryId = randomUUID()
    let body: string
    if (how === 'malformed')
      body = original.contentType === 'application/jwt' ? 'not.a.jwt' : '{"id":'
    else if (endpoint.format === 'json') body = original.body.replace(/"userId":"/, '"userId":"x')
    else body = await this.encode(endpoint, original.event, deliveryId, how)
    return this.post(endpoint, original.event, deliveryId, body)
  }

  private async encode(
    endpoint: WebhookEndpoint,
    event: WebhookEvent,
    deliveryId: string,
    spoil?: Corruption,
  ): Promise<string> {
    if (endpoint.format === 'json') {
      return JSON.stringify({
        id: deliveryId,
        eventType: event.eventType,
        userId: event.userId,
        payload: event.payload,
      })
    }
    const jwk = this.deps.signingKeys().find((k) => k.alg === 'RS256')
    if (jwk === undefined) throw new Error('the simulator has no RS256 signing key')
    const key =
      spoil === 'wrong-key'
        ? (await generateKeyPair('RS256')).privateKey
        : await importJWK(jwk, 'RS256')
    // Wall time, not the simulator clock: the receiver checks `iat` against its own clock.
    const nowSeconds = Math.floor(Date.now() / 1000)
    const token = await new SignJWT({
      events: { [`urn:com:moneyhub:events:${kebabCase(event.eventType)}`]: event.payload },
    })
      .setProtectedHeader({ alg: 'RS256', ...(jwk.kid === undefined ? {} : { kid: jwk.kid }) })
      .setIssuer(
        spoil === 'wrong-issuer' ? 'https://identity.example.invalid' : this.deps.identityUrl,
      )
      .setAudience(spoil === 'wrong-audience' ? `${endpoint.clientId}-other` : endpoint.clientId)
      .setJti(deliveryId)
      .setSubject(event.userId)
      .setIssuedAt(spoil === 'stale' ? nowSeconds - 3600 : nowSeconds)
      .sign(key)
    if (spoil !== 'signature') return token
    // Flip one character of the signature: the header and claims stay valid.
    const last = token.at(-2) === 'A' ? 'B' : 'A'
    return `${token.slice(0, -2)}${last}${token.slice(-1)}`
  }

  private async post(
    endpoint: WebhookEndpoint,
    event: WebhookEvent,
    deliveryId: string,
    body: string,
  ): Promise<WebhookDelivery> {
    const contentType = endpoint.format === 'json' ? 'application/json' : 'application/jwt'
    const delivery: WebhookDelivery = {
      id: randomUUID(),
      event,
      deliveryId,
      url: endpoint.url,
      contentType,
      body,
      sentAt: new Date().toISOString(),
    }
    try {
      const response = await (this.deps.fetch ?? fetch)(endpoint.url, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
      delivery.status = response.status
      await response.body?.cancel().catch(() => undefined)
    } catch (err) {
      delivery.error = err instanceof Error ? err.name : 'error'
    }
    this.deliveries.push(delivery)
    if (this.deliveries.length > DELIVERIES_MAX) this.deliveries.shift()
    return delivery
  }
}

function formatOf(delivery: WebhookDelivery): 'jwt' | 'json' {
  return delivery.contentType === 'application/json' ? 'json' : 'jwt'
}
