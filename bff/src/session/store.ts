/**
 * A held lock; `release` frees it only if it is still ours (it may have expired and been
 * taken by someone else).
 */
export interface StoreLock {
  release(): Promise<void>
}

/**
 * The one interface for server-side state (sessions, login transactions, flow outcomes).
 * Values are strings (callers serialise); every entry has a TTL. Implementations: memory
 * (tests), SQLite (embedded default), Redis (several BFF instances). ARCHITECTURE.md
 * Decision 4.
 */
export interface Store {
  /** The value, or undefined when absent or expired. */
  get(key: string): Promise<string | undefined>
  /** Creates or replaces the value, living `ttlMs` from now. */
  set(key: string, value: string, ttlMs: number): Promise<void>
  /** Creates the value only when absent (or expired); true when it was created. */
  add(key: string, value: string, ttlMs: number): Promise<boolean>
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
