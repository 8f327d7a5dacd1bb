/**
 * A held lock; `release` frees it only if it is still ours (it may have expired and been
 * taken by someone else).
 */
export interface StoreLock {
  release(): Promise<void>
}

/** A fixed-window counter after {@link Store.incr}. */
export interface StoreCount {
  /** Hits in the current window, this one included. */
  count: number
  /** Milliseconds until the window ends (at least 1). */
  remainingMs: number
}

/**
 * The one interface for server-side state (sessions, login transactions, flow outcomes).
 * Values are strings (callers serialise); every entry has a TTL. Implementations: memory
 * (tests), SQLite (embedded default), Redis (several BFF instances).
 * docs/decisions/007-one-store-interface.md.
 */
export interface Store {
  /** The value, or undefined when absent or expired. */
  get(key: string): Promise<string | undefined>
  /** Creates or replaces the value, living `ttlMs` from now. */
  set(key: string, value: string, ttlMs: number): Promise<void>
  /** Creates the value only when absent (or expired); true when it was created. */
  add(key: string, value: string, ttlMs: number): Promise<boolean>
  /**
   * Replaces the value only when the key is present and unexpired, living `ttlMs` from now;
   * never creates it. False when the key is gone (deleted or expired meanwhile). Atomic across
   * processes for SQLite and Redis, so a write of a stale copy cannot bring back an entry that
   * another request deleted (a session ended by logout, docs/security.md S6).
   */
  replace(key: string, value: string, ttlMs: number): Promise<boolean>
  /**
   * Counts a hit in a fixed window: the first hit creates the counter at 1, living `ttlMs`;
   * later hits add 1 and keep the window's expiry. Atomic across processes for SQLite and
   * Redis, so several BFF instances share one count.
   */
  incr(key: string, ttlMs: number): Promise<StoreCount>
  /** Removes the value (no error when absent). */
  delete(key: string): Promise<void>
  /**
   * Reads and deletes atomically: of any number of concurrent callers (across processes for
   * SQLite and Redis) exactly one gets the value.
   */
  take(key: string): Promise<string | undefined>
  /** Tries to acquire an exclusive lock for `ttlMs`; undefined when someone else holds it. */
  lock(key: string, ttlMs: number): Promise<StoreLock | undefined>
  /** Releases connections and file handles. */
  close(): Promise<void>
}
