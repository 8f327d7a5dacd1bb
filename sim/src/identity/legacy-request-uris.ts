import { randomUUID } from 'node:crypto'

/**
 * Prefix of the request URNs Moneyhub's legacy `/request` endpoint answers
 * (docs/moneyhub-protocol.md §3.6).
 */
export const LEGACY_REQUEST_URN = 'urn:x-mh-request:'

interface Entry {
  request: string
  clientId: string
  /** Epoch milliseconds on the simulator clock. */
  expiresAt: number
}

/**
 * Request objects posted to the legacy `POST /request` endpoint, each under a single-use
 * `urn:x-mh-request:<uuid>` that `/oidc/auth?request_uri=` takes within `ttlSeconds` on the
 * simulator clock. oidc-provider only resolves its own PAR URNs, so the dispatcher swaps a
 * legacy URN for the request object itself (`request=`), which oidc-provider then verifies as
 * any request object by value.
 */
export class LegacyRequestUris {
  private readonly entries = new Map<string, Entry>()

  /**
   * @param now - Epoch milliseconds on the simulator clock.
   * @param ttlSeconds - How long a URN stays usable (the simulator's PAR lifetime).
   */
  constructor(
    private readonly now: () => number,
    private readonly ttlSeconds: number,
  ) {}

  /**
   * Keep a request object and name it.
   *
   * @param request - The compact JWS as posted.
   * @param clientId - The client it names.
   * @returns The URN to use as `request_uri`.
   */
  issue(request: string, clientId: string): string {
    this.sweep()
    const urn = `${LEGACY_REQUEST_URN}${randomUUID()}`
    this.entries.set(urn, { request, clientId, expiresAt: this.now() + this.ttlSeconds * 1000 })
    return urn
  }

  /**
   * Use a URN once.
   *
   * @param urn - The `request_uri` value.
   * @returns The request object and its client, or `undefined` when the URN is unknown,
   *   expired or already used.
   */
  take(urn: string): { request: string; clientId: string } | undefined {
    const entry = this.entries.get(urn)
    this.entries.delete(urn)
    if (!entry || entry.expiresAt <= this.now()) return undefined
    return { request: entry.request, clientId: entry.clientId }
  }

  private sweep(): void {
    const now = this.now()
    for (const [urn, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(urn)
  }
}
