import type { Clock } from '../clock'
import { AppError } from '../errors'
import { hashId, randomId } from './ids'
import type { Sealer } from './sealer'
import type { Store } from './store'

/** Session lifetimes, enforced server-side (docs/security.md S5). */
export interface SessionPolicy {
  /** A session unused for this long ends. */
  idleMs: number
  /** A session ends this long after login whatever its use. */
  absoluteMs: number
}

/** Defaults: 30 minutes idle, 12 hours absolute. */
export const defaultSessionPolicy: SessionPolicy = {
  idleMs: 30 * 60 * 1000,
  absoluteMs: 12 * 60 * 60 * 1000,
}

/** Tokens kept for a one-time-access connection until its consent ends (sealed at rest). */
export interface OneTimeGrant {
  connectionId: string
  /** The one-time consent's own Moneyhub user (may differ from the session's user). */
  sub?: string
  /** Sealed access token. */
  accessToken: string
  /** Sealed refresh token, when one was issued. */
  refreshToken?: string
  expiresAt: number
}

/** What the store holds for one session. Never sent to the browser as is. */
export interface SessionData {
  createdAt: number
  lastSeenAt: number
  absoluteExpiresAt: number
  /** The Moneyhub user (`sub`) when the default user binding is in use. */
  sub?: string
  /** Connections made in this session (ids are Moneyhub `mh:con_id`s). */
  connectionIds: string[]
  /** Sealed refresh token from the last code exchange (used for revocation on logout). */
  refreshToken?: string
  /** One-time-access grants: the only way to read their connections' data. */
  oneTime: OneTimeGrant[]
  /**
   * True when the user was signed in by one-time connects alone: there is no ongoing access,
   * so data is read only with {@link SessionData.oneTime} grants, never `tokenForUser`.
   */
  oneTimeOnly?: boolean
}

/** A session loaded for one request. */
export interface Session {
  /** The cookie value. Never logged. */
  readonly id: string
  data: SessionData
}

// Sliding expiry is written back at most once a minute, so a burst of API calls costs one
// store read each rather than a read and a write.
const TOUCH_EVERY_MS = 60 * 1000

/**
 * Server-side sessions over a {@link Store}: opaque 256-bit ids (only their hash is a store
 * key), idle and absolute lifetimes, secrets sealed with AES-256-GCM bound to the session.
 */
export interface SessionManager {
  /** Starts a session with a fresh id (a new id on every login, docs/security.md S4). */
  create(
    init: Partial<Pick<SessionData, 'sub' | 'connectionIds' | 'oneTime' | 'refreshToken'>>,
  ): Promise<Session>
  /**
   * The live session for a cookie value, sliding its idle expiry; undefined when ended (also
   * when it ends between the read and the sliding write: the write never recreates it).
   */
  load(id: string): Promise<Session | undefined>
  /** The live session by its store key (hash), without sliding it. */
  loadByHash(hash: string): Promise<SessionData | undefined>
  /**
   * Writes the session back (after changing `data`), only while it still exists: a session
   * ended meanwhile (logout, the S7 reauth end, expiry) is never recreated from this stale
   * copy (docs/security.md S6), and the request stops as signed out.
   *
   * @throws AppError `session_expired` (401) when the session was ended meanwhile
   */
  save(session: Session): Promise<void>
  /** Ends a session. */
  destroy(id: string): Promise<void>
  /** Ends a session by its store key. */
  destroyByHash(hash: string): Promise<void>
  /** Seals a secret for this session; see {@link Sealer}. */
  seal(session: Session, secret: string): string
  /** Opens a secret sealed for this session. */
  open(session: Session, sealed: string): string
  /** Seals a secret bound to another record (e.g. `tx:<state>`). */
  sealWith(context: string, secret: string): string
  /** Opens a secret sealed with {@link SessionManager.sealWith}. */
  openWith(context: string, sealed: string): string
}

/**
 * Creates the {@link SessionManager}.
 *
 * @param deps.store - where sessions live (`sess:<sha256(id)>`)
 * @param deps.sealer - encrypts refresh and one-time tokens at rest (docs/security.md K6)
 * @param deps.clock - time source
 * @param deps.policy - idle and absolute lifetimes
 */
export function createSessionManager(deps: {
  store: Store
  sealer: Sealer
  clock: Clock
  policy?: SessionPolicy
}): SessionManager {
  const { store, sealer, clock } = deps
  const policy = deps.policy ?? defaultSessionPolicy
  const key = (hash: string): string => `sess:${hash}`

  function ttl(data: SessionData, now: number): number {
    return Math.min(data.lastSeenAt + policy.idleMs, data.absoluteExpiresAt) - now
  }

  /** Creates a session entry (fresh id). */
  async function insert(hash: string, data: SessionData): Promise<void> {
    await store.set(key(hash), JSON.stringify(data), ttl(data, clock.now()))
  }

  /**
   * Writes an EXISTING session back with `replace`, never `set`: a request that loaded the
   * session before a concurrent logout must not bring it back. False when it is gone (ended
   * meanwhile, or its lifetime ran out, in which case it is deleted).
   */
  async function rewrite(hash: string, data: SessionData): Promise<boolean> {
    const remaining = ttl(data, clock.now())
    if (remaining <= 0) {
      await store.delete(key(hash))
      return false
    }
    return store.replace(key(hash), JSON.stringify(data), remaining)
  }

  async function read(hash: string): Promise<SessionData | undefined> {
    const raw = await store.get(key(hash))
    if (raw === undefined) return undefined
    const data = JSON.parse(raw) as SessionData
    // The store's TTL already covers this; the check keeps the rule true whatever the store.
    return ttl(data, clock.now()) > 0 ? data : undefined
  }

  return {
    async create(init) {
      const now = clock.now()
      const id = randomId(32)
      const data: SessionData = {
        createdAt: now,
        lastSeenAt: now,
        absoluteExpiresAt: now + policy.absoluteMs,
        connectionIds: init.connectionIds ?? [],
        oneTime: init.oneTime ?? [],
        ...(init.sub === undefined ? {} : { sub: init.sub }),
        ...(init.refreshToken === undefined ? {} : { refreshToken: init.refreshToken }),
      }
      await insert(hashId(id), data)
      return { id, data }
    },
    async load(id) {
      const hash = hashId(id)
      const data = await read(hash)
      if (data === undefined) return undefined
      const now = clock.now()
      if (now - data.lastSeenAt >= TOUCH_EVERY_MS) {
        data.lastSeenAt = now
        // Ended between our read and this write (a concurrent logout): signed out.
        if (!(await rewrite(hash, data))) return undefined
      }
      return { id, data }
    },
    loadByHash: read,
    async save(session) {
      if (!(await rewrite(hashId(session.id), session.data))) {
        // The request loaded the session before it was ended: it must not go on signed in.
        throw new AppError('session_expired', { reason: 'session_ended_concurrently' })
      }
    },
    destroy: (id) => store.delete(key(hashId(id))),
    destroyByHash: (hash) => store.delete(key(hash)),
    seal: (session, secret) => sealer.seal(secret, hashId(session.id)),
    open: (session, sealed) => sealer.open(sealed, hashId(session.id)),
    sealWith: (context, secret) => sealer.seal(secret, context),
    openWith: (context, sealed) => sealer.open(sealed, context),
  }
}
