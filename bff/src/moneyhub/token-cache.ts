/**
 * A bounded (LRU), single-flight cache of access tokens keyed by everything that changes the
 * token: user (`sub`) and the sorted scope set (docs/security.md R5, R7, R8).
 */

/** An access token from the client-credentials cache. */
export interface AccessToken {
  accessToken: string
  /** Epoch ms. */
  expiresAt: number
}

interface Entry {
  value?: AccessToken & { issuedAt: number }
  pending?: Promise<AccessToken>
}

/**
 * The cache: in process memory ({@link createTokenCache}) or shared by every instance through
 * a store (`createSharedTokenCache`).
 */
export interface TokenCache {
  /**
   * Return a fresh cached token, or fetch one (one fetch per key at a time).
   * A token is renewed once less than max(60 s, 10 % of its lifetime) is left.
   */
  get(key: string, fetch: () => Promise<AccessToken>): Promise<AccessToken>
  /** Drop one entry (after a 401). */
  delete(key: string): void | Promise<void>
  /** Drop every entry whose key starts with `<owner>\u0000` (a user's tokens). */
  deletePrefix(prefix: string): void | Promise<void>
}

/**
 * Whether a cached token is still good to hand out: more than max(60 s, 10 % of its lifetime)
 * left (docs/security.md R7).
 *
 * @param token - the token and when it was asked for
 * @param now - epoch ms
 */
export function isFresh(token: AccessToken & { issuedAt: number }, now: number): boolean {
  const lifetime = token.expiresAt - token.issuedAt
  return token.expiresAt - now > Math.max(60_000, lifetime * 0.1)
}

/**
 * The cache key for a (user, scopes) pair. Scopes are de-duplicated and sorted so equal sets
 * share a token and different sets never do.
 */
export function tokenCacheKey(sub: string | undefined, scopes: readonly string[]): string {
  return `${sub === undefined ? 'client' : `user:${sub}`}\u0000${[...new Set(scopes)].sort().join(' ')}`
}

/**
 * Create a token cache in process memory (one instance).
 *
 * @param maxEntries - LRU bound (default 10 000)
 * @param now - clock in epoch ms
 */
export function createTokenCache(maxEntries: number, now: () => number): TokenCache {
  if (!Number.isInteger(maxEntries) || maxEntries < 1)
    throw new TypeError('maxEntries must be a positive integer')
  const entries = new Map<string, Entry>()

  const fresh = (value: Entry['value']): value is NonNullable<Entry['value']> =>
    value !== undefined && isFresh(value, now())

  const touch = (key: string, entry: Entry) => {
    entries.delete(key)
    entries.set(key, entry)
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value
      if (oldest === undefined) break
      entries.delete(oldest)
    }
  }

  return {
    get(key, fetch) {
      const entry = entries.get(key) ?? {}
      touch(key, entry)
      if (fresh(entry.value)) {
        return Promise.resolve({
          accessToken: entry.value.accessToken,
          expiresAt: entry.value.expiresAt,
        })
      }
      if (entry.pending) return entry.pending
      const issuedAt = now()
      const pending = fetch().then(
        (token) => {
          entry.value = { ...token, issuedAt }
          delete entry.pending
          return token
        },
        (err: unknown) => {
          delete entry.pending
          throw err
        },
      )
      entry.pending = pending
      return pending
    },
    delete(key) {
      entries.delete(key)
    },
    deletePrefix(prefix) {
      for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key)
    },
  }
}
