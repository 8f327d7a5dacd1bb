import type { BankOutcomeInput } from '../bank-outcomes'
import type { Fault } from '../faults'

/**
 * Typed client for the simulator's admin API (`<identityUrl>/__sim/`), for tests and
 * benchmarks.
 */
export class SimAdminClient {
  /**
   * @param identityUrl - The simulator's identity host, e.g. `http://127.0.0.1:8790`.
   * @param fetchImpl - `fetch` to use (defaults to the global one).
   * @param token - The admin token (`SIM_ADMIN_TOKEN`), sent as a bearer token when the
   *   simulator requires one.
   */
  constructor(
    readonly identityUrl: string,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly token?: string,
  ) {}

  private async call(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {}
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (this.token !== undefined) headers.authorization = `Bearer ${this.token}`
    const response = await this.fetchImpl(`${this.identityUrl}/__sim${path}`, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    })
    if (!response.ok) {
      throw new Error(`simulator admin ${method} ${path} failed with ${String(response.status)}`)
    }
    return response
  }

  /**
   * Inject a fault on a route key (`par`, `auth`, `token`, `token:client_credentials`,
   * `GET /v3/accounts`, ...): a status, a delay, a 429 with `Retry-After`, or a malformed body,
   * for `times` requests (default: until cleared). Throws `Error` when the admin API refuses it.
   */
  async fault(fault: Fault): Promise<void> {
    await this.call('POST', '/faults', fault)
  }

  /** Remove every injected fault. */
  async clearFaults(): Promise<void> {
    await this.call('DELETE', '/faults')
  }

  /**
   * Decide what the bank does with the next payments submitted to it (single payments at code
   * exchange, refunds, VRP payments): `completed` (default), `rejected` or `insufficient_funds`
   * (also answered by VRP funds confirmation while queued), at once or after
   * `settleAfterSeconds` on the simulator clock (`pending` until then; see `advanceClock`), for
   * `times` payments (default: until cleared). Outcomes queue in order. Throws `Error` when the
   * admin API refuses it.
   */
  async bankOutcome(outcome: BankOutcomeInput): Promise<void> {
    await this.call('POST', '/bank-outcomes', outcome)
  }

  /** Forget every queued bank outcome: payments settle at once again. */
  async clearBankOutcomes(): Promise<void> {
    await this.call('DELETE', '/bank-outcomes')
  }

  /** Replace the ID-token signing keys (new keys sign; old ones stay in the JWKS to verify). */
  async rotateKeys(): Promise<void> {
    await this.call('POST', '/keys/rotate')
  }

  /**
   * Mark a connection's consent as expired (the data API then answers 403 `consent_expired`;
   * tokens for the user are still issued).
   */
  async expireConsent(connectionId: string): Promise<void> {
    await this.call('POST', `/connections/${encodeURIComponent(connectionId)}/expire`)
  }

  /**
   * Revoke every grant (and its tokens) of a user, or one grant by id, as when the user
   * withdraws their consent: once none of the user's grants is left, a token for the user
   * (client_credentials with `sub`) is refused with `invalid_grant`. Returns how many.
   */
  async revokeGrant(target: { sub: string } | { grantId: string }): Promise<number> {
    const response = await this.call('POST', '/grants/revoke', target)
    const body = (await response.json()) as { revoked?: unknown }
    return typeof body.revoked === 'number' ? body.revoked : 0
  }

  /** Request counters per route key and grant type (`token:client_credentials`, ...). */
  async counters(): Promise<Record<string, number>> {
    const response = await this.call('GET', '/counters')
    return (await response.json()) as Record<string, number>
  }

  /**
   * The opaque access tokens, refresh tokens, client-credentials tokens and authorization codes
   * the simulator has issued (the last 10,000), for tests that prove none of them leaked.
   */
  async issuedSecrets(): Promise<string[]> {
    const response = await this.call('GET', '/issued-secrets')
    return ((await response.json()) as { values: string[] }).values
  }

  /** Zero the request counters. */
  async resetCounters(): Promise<void> {
    await this.call('DELETE', '/counters')
  }

  /**
   * Move the simulator's clock forward (PAR request_uris, codes, tokens and consents expire on
   * it), so tests never sleep.
   */
  async advanceClock(seconds: number): Promise<void> {
    await this.call('POST', '/clock/advance', { seconds })
  }
  /**
   * Register where the client receives webhooks and in which format (`jwt`, Moneyhub's signed
   * Security Event Token, or `json`), as in Moneyhub's admin portal.
   */
  async registerWebhookEndpoint(endpoint: {
    clientId: string
    url: string
    format?: 'jwt' | 'json'
  }): Promise<void> {
    await this.call('POST', '/webhooks/endpoints', endpoint)
  }

  /** Stop sending the client's webhooks. */
  async unregisterWebhookEndpoint(clientId: string): Promise<void> {
    await this.call('DELETE', `/webhooks/endpoints/${encodeURIComponent(clientId)}`)
  }

  /** The last webhook deliveries (newest last), with their bodies and the receiver's status. */
  async webhookDeliveries(): Promise<SimWebhookDelivery[]> {
    const response = await this.call('GET', '/webhooks/deliveries')
    return ((await response.json()) as { deliveries: SimWebhookDelivery[] }).deliveries
  }

  /**
   * Add a transaction to an account (amount in pence, negative for money out); the client's
   * endpoint gets `newTransactions`. Resolves to the new transaction id and the delivery.
   */
  async addTransaction(input: {
    accountId: string
    amount: number
    description: string
  }): Promise<{ transactionId: string; delivery: SimWebhookDelivery | null }> {
    const response = await this.call('POST', '/transactions', input)
    return (await response.json()) as {
      transactionId: string
      delivery: SimWebhookDelivery | null
    }
  }

  /** Send a `reauthReminder` or `refreshReminder` about a connection. */
  async remindConsent(
    connectionId: string,
    kind: 'reauth' | 'refresh',
  ): Promise<SimWebhookDelivery | null> {
    const response = await this.call(
      'POST',
      `/connections/${encodeURIComponent(connectionId)}/remind`,
      { kind },
    )
    return ((await response.json()) as { delivery: SimWebhookDelivery | null }).delivery
  }

  /** Send any event about a user to their client's endpoint. */
  async sendWebhook(input: {
    userId: string
    eventType: string
    payload: Record<string, unknown>
  }): Promise<SimWebhookDelivery | null> {
    const response = await this.call('POST', '/webhooks/send', input)
    return ((await response.json()) as { delivery: SimWebhookDelivery | null }).delivery
  }

  /** Send a delivery's exact body again: the same `jti`, a replay. */
  async resendWebhook(deliveryId: string): Promise<SimWebhookDelivery> {
    return this.deliveryAction(deliveryId, 'resend')
  }

  /** Send a delivery's event again as a new delivery (a new `jti`). */
  async duplicateWebhook(deliveryId: string): Promise<SimWebhookDelivery> {
    return this.deliveryAction(deliveryId, 'duplicate')
  }

  /**
   * Send a delivery's event again, spoiled: `signature` (one character flipped), `wrong-key`,
   * `wrong-audience`, `wrong-issuer`, `stale` (`iat` an hour ago) or `malformed`.
   */
  async corruptWebhook(
    deliveryId: string,
    mode: 'signature' | 'wrong-key' | 'wrong-audience' | 'wrong-issuer' | 'stale' | 'malformed',
  ): Promise<SimWebhookDelivery> {
    return this.deliveryAction(deliveryId, 'corrupt', { mode })
  }

  private async deliveryAction(
    id: string,
    action: string,
    body?: unknown,
  ): Promise<SimWebhookDelivery> {
    const response = await this.call(
      'POST',
      `/webhooks/deliveries/${encodeURIComponent(id)}/${action}`,
      body,
    )
    return ((await response.json()) as { delivery: SimWebhookDelivery }).delivery
  }
}

/** One webhook delivery the simulator sent, as its admin API shows it. */
export interface SimWebhookDelivery {
  /** The admin API's id of this attempt (for resend, duplicate, corrupt). */
  id: string
  /** The `jti` (JWT) or `id` (JSON) in the body. */
  deliveryId: string
  eventType: string
  userId: string
  url: string
  contentType: 'application/jwt' | 'application/json'
  body: string
  /** The receiver's HTTP status; absent when the request failed. */
  status?: number
  error?: string
  sentAt: string
}
