import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider'

/** Models whose ids are the opaque token values themselves (oidc-provider's opaque format). */
const SECRET_MODELS = new Set([
  'AccessToken',
  'RefreshToken',
  'ClientCredentials',
  'AuthorizationCode',
])
/** How many issued secrets the leak log keeps (oldest dropped first). */
const ISSUED_SECRETS_MAX = 10_000

interface Entry {
  payload: AdapterPayload
  /** Epoch milliseconds on the simulator clock, or `Infinity`. */
  expiresAt: number
}

/**
 * The simulator's storage for oidc-provider models (sessions, interactions, codes, tokens,
 * grants, pushed requests). One per simulator, unbounded, and expiring entries on the
 * simulator's own clock, so tests can make a `request_uri` or code expire without sleeping.
 */
export class SimOidcStore {
  private readonly models = new Map<string, Map<string, Entry>>()
  private readonly grants = new Map<string, Set<string>>()
  private readonly issued: string[] = []
  /** `clientId NUL accountId` → the ids of the grants the user gave that client that still count. */
  private readonly consents = new Map<string, Set<string>>()
  /** grant id → its key in {@link consents}. */
  private readonly consentOf = new Map<string, string>()

  /**
   * @param now - Epoch milliseconds on the simulator clock.
   * @param ttlOverride - Optional per-model cap on lifetimes, in seconds (the PAR TTL option).
   */
  constructor(
    private readonly now: () => number,
    private readonly ttlOverride: (model: string) => number | undefined = () => undefined,
  ) {}

  /** The oidc-provider `adapter` option bound to this store. */
  readonly factory: AdapterFactory = (name: string): Adapter => this.adapterFor(name)

  /** Every live payload of one model, e.g. `Grant`. */
  entries(model: string): AdapterPayload[] {
    const store = this.models.get(model)
    if (!store) return []
    const out: AdapterPayload[] = []
    for (const [id, entry] of store) {
      if (entry.expiresAt <= this.now()) store.delete(id)
      else out.push(entry.payload)
    }
    return out
  }

  /**
   * Every access token, refresh token, client-credentials token and authorization code issued
   * so far (the last 10,000), including consumed, rotated and revoked ones. Dev/test only:
   * leak tests search what the browser and the logs saw for these exact values.
   */
  issuedSecrets(): string[] {
    return [...this.issued]
  }

  /** One live payload by model and id, without consuming it. */
  peek(model: string, id: string): AdapterPayload | undefined {
    return this.live(model, id)
  }

  /** Delete the browser session with this uid (oidc-provider's `Session` model). */
  forgetSession(uid: string): void {
    const sessions = this.models.get('Session')
    for (const [id, entry] of sessions ?? []) {
      if (entry.payload.uid === uid) sessions?.delete(id)
    }
  }

  /**
   * Delete every token and the grant record of one grant (what a revocation does).
   *
   * @param grantId - The grant.
   * @param how - `deleted` (default: the client deleted the connection or revoked a token, or
   *   oidc-provider revoked the grant) forgets the consent as if it was never given;
   *   `withdrawn` (the user revoked their consent, the admin API) keeps it on record as lapsed,
   *   so {@link consentLapsed} can tell.
   */
  revokeGrant(grantId: string, how: 'deleted' | 'withdrawn' = 'deleted'): void {
    for (const key of this.grants.get(grantId) ?? []) {
      const [model, id] = splitKey(key)
      this.models.get(model)?.delete(id)
    }
    this.grants.delete(grantId)
    this.models.get('Grant')?.delete(grantId)
    if (how === 'deleted') this.forgetConsent(grantId)
  }

  /**
   * Whether a user's consent to a client has lapsed: the user gave this client at least one
   * grant, and every one of them has since been withdrawn (see {@link revokeGrant}) or has
   * expired (the Grant TTL, on the simulator clock). A user who never consented, or whose
   * grants were only deleted, has not lapsed. Moneyhub then refuses a token for the user
   * (client_credentials with `sub`) with `invalid_grant`.
   *
   * @param clientId - The client asking.
   * @param accountId - The user (`sub`).
   */
  consentLapsed(clientId: string, accountId: string): boolean {
    const ids = this.consents.get(consentKey(clientId, accountId))
    if (!ids || ids.size === 0) return false
    for (const id of ids) {
      if (this.live('Grant', id)) return false
    }
    return true
  }

  private recordConsent(grantId: string, payload: AdapterPayload): void {
    if (typeof payload.clientId !== 'string' || typeof payload.accountId !== 'string') return
    const key = consentKey(payload.clientId, payload.accountId)
    let ids = this.consents.get(key)
    if (!ids) {
      ids = new Set()
      this.consents.set(key, ids)
    }
    ids.add(grantId)
    this.consentOf.set(grantId, key)
  }

  private forgetConsent(grantId: string): void {
    const key = this.consentOf.get(grantId)
    if (key === undefined) return
    this.consentOf.delete(grantId)
    const ids = this.consents.get(key)
    ids?.delete(grantId)
    if (ids?.size === 0) this.consents.delete(key)
  }

  private modelStore(name: string): Map<string, Entry> {
    let store = this.models.get(name)
    if (!store) {
      store = new Map()
      this.models.set(name, store)
    }
    return store
  }

  private live(name: string, id: string): AdapterPayload | undefined {
    const store = this.modelStore(name)
    const entry = store.get(id)
    if (!entry) return undefined
    if (entry.expiresAt <= this.now()) {
      store.delete(id)
      return undefined
    }
    return entry.payload
  }

  private adapterFor(name: string): Adapter {
    // oidc-provider awaits every method; plain async functions keep the contract simple.
    return {
      upsert: async (id, payload, expiresIn) => {
        if (SECRET_MODELS.has(name) && !this.modelStore(name).has(id)) {
          this.issued.push(id)
          if (this.issued.length > ISSUED_SECRETS_MAX) this.issued.shift()
        }
        const cap = this.ttlOverride(name)
        const seconds =
          cap !== undefined && expiresIn !== undefined ? Math.min(cap, expiresIn) : expiresIn
        this.modelStore(name).set(id, {
          payload,
          expiresAt: seconds === undefined ? Infinity : this.now() + seconds * 1000,
        })
        if (name === 'Grant') this.recordConsent(id, payload)
        if (payload.grantId) {
          let members = this.grants.get(payload.grantId)
          if (!members) {
            members = new Set()
            this.grants.set(payload.grantId, members)
          }
          members.add(`${name}\u0000${id}`)
        }
        await Promise.resolve()
      },
      find: async (id) => {
        await Promise.resolve()
        return this.live(name, id)
      },
      findByUid: async (uid) => {
        await Promise.resolve()
        for (const [id, entry] of this.modelStore(name)) {
          if (entry.payload.uid === uid) return this.live(name, id)
        }
        return undefined
      },
      findByUserCode: async (userCode) => {
        await Promise.resolve()
        for (const [id, entry] of this.modelStore(name)) {
          if (entry.payload.userCode === userCode) return this.live(name, id)
        }
        return undefined
      },
      consume: async (id) => {
        await Promise.resolve()
        const payload = this.live(name, id)
        if (payload) payload.consumed = Math.floor(this.now() / 1000)
      },
      destroy: async (id) => {
        await Promise.resolve()
        this.modelStore(name).delete(id)
        if (name === 'Grant') this.forgetConsent(id)
      },
      revokeByGrantId: async (grantId) => {
        await Promise.resolve()
        this.revokeGrant(grantId)
      },
    }
  }
}

function consentKey(clientId: string, accountId: string): string {
  return `${clientId}\u0000${accountId}`
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf('\u0000')
  return [key.slice(0, at), key.slice(at + 1)]
}
