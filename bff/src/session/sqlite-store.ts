import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

import type BetterSqlite3 from 'better-sqlite3'

import { systemClock, type Clock } from '../clock'
import { loadOptionalPeer } from '../internal/optional-peer'
import type { Store, StoreLock } from './store'

/**
 * The embedded default {@link Store}: one SQLite file (WAL mode) that survives restarts and
 * is safe for several processes on one host. Writes are synchronous and short, so atomicity
 * of `take`, `add` and `lock` comes from SQLite's own transactions. See
 * docs/decisions/001-sqlite-by-default.md. Needs the optional dependency `better-sqlite3`,
 * loaded on the first call.
 *
 * @param options.path - database file (its folder is created), or `:memory:`
 * @param options.clock - time source for TTLs
 */
export function createSqliteStore(options: { path: string; clock?: Clock }): Store {
  const clock = options.clock ?? systemClock
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true })
  const Database = loadOptionalPeer<typeof BetterSqlite3>(
    'better-sqlite3',
    '^12',
    'The SQLite session store',
  )
  const db = new Database(options.path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  db.exec(
    'CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID',
  )
  db.exec('CREATE INDEX IF NOT EXISTS kv_expires ON kv (expires_at)')

  const getStmt = db.prepare<[string, number], { value: string }>(
    'SELECT value FROM kv WHERE key = ? AND expires_at > ?',
  )
  const setStmt = db.prepare<[string, string, number]>(
    'INSERT INTO kv (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at',
  )
  // Insert, or replace only an expired row: one statement, so it is atomic across processes.
  const addStmt = db.prepare<[string, string, number, number]>(
    'INSERT INTO kv (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at WHERE kv.expires_at <= ?',
  )
  // Only a live row is replaced: a deleted or expired one stays gone.
  const replaceStmt = db.prepare<[string, number, string, number]>(
    'UPDATE kv SET value = ?, expires_at = ? WHERE key = ? AND expires_at > ?',
  )
  // A fixed-window counter in one statement: a live row counts on and keeps its expiry, an
  // absent or expired one starts again at 1 (SET expressions read the old row).
  const incrStmt = db.prepare<
    [string, number, number, number],
    { value: string; expires_at: number }
  >(
    "INSERT INTO kv (key, value, expires_at) VALUES (?, '1', ?) ON CONFLICT(key) DO UPDATE SET value = CASE WHEN kv.expires_at > ? THEN CAST(CAST(kv.value AS INTEGER) + 1 AS TEXT) ELSE '1' END, expires_at = CASE WHEN kv.expires_at > ? THEN kv.expires_at ELSE excluded.expires_at END RETURNING value, expires_at",
  )
  const deleteStmt = db.prepare<[string]>('DELETE FROM kv WHERE key = ?')
  const takeStmt = db.prepare<[string, number], { value: string }>(
    'DELETE FROM kv WHERE key = ? AND expires_at > ? RETURNING value',
  )
  const releaseStmt = db.prepare<[string, string]>('DELETE FROM kv WHERE key = ? AND value = ?')
  const sweepStmt = db.prepare<[number]>('DELETE FROM kv WHERE expires_at <= ?')
  let writes = 0

  function sweep(): void {
    if (++writes % 1000 === 0) sweepStmt.run(clock.now())
  }

  return {
    get(key) {
      return Promise.resolve(getStmt.get(key, clock.now())?.value)
    },
    set(key, value, ttlMs) {
      setStmt.run(key, value, clock.now() + ttlMs)
      sweep()
      return Promise.resolve()
    },
    add(key, value, ttlMs) {
      const now = clock.now()
      const changes = addStmt.run(key, value, now + ttlMs, now).changes
      sweep()
      return Promise.resolve(changes === 1)
    },
    replace(key, value, ttlMs) {
      const now = clock.now()
      const changes = replaceStmt.run(value, now + ttlMs, key, now).changes
      return Promise.resolve(changes === 1)
    },
    incr(key, ttlMs) {
      const now = clock.now()
      const row = incrStmt.get(key, now + ttlMs, now, now)
      sweep()
      if (row === undefined) throw new Error('sqlite incr returned no row')
      return Promise.resolve({
        count: Number(row.value),
        remainingMs: Math.max(1, row.expires_at - now),
      })
    },
    delete(key) {
      deleteStmt.run(key)
      return Promise.resolve()
    },
    take(key) {
      return Promise.resolve(takeStmt.get(key, clock.now())?.value)
    },
    lock(key, ttlMs) {
      const lockKey = `lock:${key}`
      const owner = randomBytes(16).toString('base64url')
      const now = clock.now()
      if (addStmt.run(lockKey, owner, now + ttlMs, now).changes !== 1) {
        return Promise.resolve(undefined)
      }
      const held: StoreLock = {
        release() {
          releaseStmt.run(lockKey, owner)
          return Promise.resolve()
        },
      }
      return Promise.resolve(held)
    },
    close() {
      db.close()
      return Promise.resolve()
    },
  }
}
