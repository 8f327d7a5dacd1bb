/**
 * A {@link TokenCache} kept in a store shared by every BFF instance (SQLite file or Redis), with
 * its single-flight lock in the same store: of any number of concurrent requests needing the
 * same new token, across instances, one asks Moneyhub and the others read its answer
 * (docs/security.md R5, R7; docs/decisions/006-shared-token-cache.md).
 */
import { hash as digest } from 'node:crypto'

import { isFresh, type AccessToken, type TokenCache } from './token-cache'

/** The store operations the shared cache needs (the BFF's `Store` has them all). */
export interface TokenStore {
  get(key: string): Promise<string | undefined>
  set(key: string, value: string, ttlMs: number): Promise<void>
  delete(key: string): Promise<void>
  lock(key: string, ttlMs: number): Promise<{ release(): Promise<void> } | undefined>
}

/** Seals tokens at rest (the BFF's session sealer: AES-256-GCM, context as associated data). */
export interface TokenSealer {
  seal(plaintext: string, context: string): string
  open(sealed: string, context: string): string
}

/** Options of {@link createSharedTokenCache}. */
export interface SharedTokenCacheOptions {
  store: TokenStore
  sealer: TokenSealer
  /** Clock in epoch ms (default `Date.now`). */
  now?: () => number
  /** How often a request waiting on another instance's token request looks again (default 25 ms). */
  pollMs?: number
  /**
   * How long the fetch lock is held at most (default 15 s, beyond the identity timeout): a
   * holder that died frees it by expiry, and a waiter then asks itself.
   */
  lockTtlMs?: number
}

type Stored = AccessToken & { issuedAt: number }

/**
 * Creates a shared {@link TokenCache}. One store entry per token owner (the client, or one
 * user), `tok:<sha256(owner)>`, holds that owner's tokens by scope set, sealed with the owner
 * as context and living until its last token expires; so `deletePrefix` of a user (logout,
 * `reauth_required`) is one delete. The lock is `tokfetch:<sha256(owner)>`. Within a process
 * concurrent requests for one key share one promise, so a process waits on the store once.
 *
 * @param options - see {@link SharedTokenCacheOptions}
 */
export function createSharedTokenCache(options: SharedTokenCacheOptions): TokenCache {
  const { store, sealer } = options
  const now = options.now ?? Date.now
  const pollMs = options.pollMs ?? 25
  const lockTtlMs = options.lockTtlMs ?? 15_000
  const pending = new Map<string, Promise<AccessToken>>()

  const split = (key: string): { owner: string; scopes: string } => {
    const at = key.indexOf('\u0000')
    return at < 0
      ? { owner: key, scopes: '' }
      : { owner: key.slice(0, at), scopes: key.slice(at + 1) }
  }
  // One-shot: every read hashes its owner, and a Hash object per call is garbage.
  const hash = (owner: string): string => digest('sha256', owner, 'base64url')
  const entryKey = (owner: string): string => `tok:${hash(owner)}`

  async function read(key: string): Promise<Record<string, Stored>> {
    const sealed = await store.get(key)
    if (sealed === undefined) return {}
    try {
      return JSON.parse(sealer.open(sealed, key)) as Record<string, Stored>
    } catch {
      // Sealed under another key (SESSION_ENCRYPTION_KEY rotated): as if absent.
      return {}
    }
  }

  async function write(key: string, scopes: string, token: Stored): Promise<void> {
    const tokens = { ...(await read(key)), [scopes]: token }
    for (const [k, v] of Object.entries(tokens)) if (v.expiresAt <= now()) delete tokens[k]
    const ttl = Math.max(...Object.values(tokens).map((v) => v.expiresAt)) - now()
    if (ttl > 0) await store.set(key, sealer.seal(JSON.stringify(tokens), key), ttl)
  }

  const answer = (t: Stored): AccessToken => ({
    accessToken: t.accessToken,
    expiresAt: t.expiresAt,
  })

  async function load(cacheKey: string, fetch: () => Promise<AccessToken>): Promise<AccessToken> {
    const { owner, scopes } = split(cacheKey)
    // One hash per read names both the entry and its lock.
    const ownerHash = hash(owner)
    const key = `tok:${ownerHash}`
    const lockKey = `tokfetch:${ownerHash}`
    // Bounded: a lock whose holder died expires after lockTtlMs, and then one waiter takes it.
    for (let waited = 0; ; waited += pollMs) {
      const cached = (await read(key))[scopes]
      if (cached !== undefined && isFresh(cached, now())) return answer(cached)
      const lock = waited > lockTtlMs * 2 ? undefined : await store.lock(lockKey, lockTtlMs)
      if (lock !== undefined || waited > lockTtlMs * 2) {
        try {
          // Another instance may have written it between our read and our lock.
          const again = (await read(key))[scopes]
          if (again !== undefined && isFresh(again, now())) return answer(again)
          const issuedAt = now()
          const token = await fetch()
          await write(key, scopes, { ...token, issuedAt })
          return token
        } finally {
          await lock?.release().catch(() => undefined)
        }
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs))
    }
  }

  return {
    get(key, fetch) {
      const inFlight = pending.get(key)
      if (inFlight !== undefined) return inFlight
      const p = load(key, fetch).finally(() => pending.delete(key))
      pending.set(key, p)
      return p
    },
    // One owner's tokens share an entry: dropping one drops them all (at most one more
    // token request each), so a refused token is never served again by any instance.
    delete: (key) => store.delete(entryKey(split(key).owner)),
    deletePrefix: (prefix) => store.delete(entryKey(split(prefix).owner)),
  }
}
