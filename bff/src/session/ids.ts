import { hash, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * A new opaque identifier from the CSPRNG: `bytes` random bytes as base64url (32 bytes =
 * 256 bits for session ids, 16 for flow ids). docs/security.md K5.
 *
 * @param bytes - entropy in bytes (at least 16)
 * @throws TypeError when `bytes` is below 16 (128 bits)
 */
export function randomId(bytes = 32): string {
  if (bytes < 16) throw new TypeError('ids need at least 128 bits of entropy')
  return randomBytes(bytes).toString('base64url')
}

/**
 * The store key form of a secret id: SHA-256, base64url. The store never holds a usable
 * cookie value, so a leaked store dump cannot be replayed as a cookie.
 *
 * @param id - a session or browser-binding id
 */
export function hashId(id: string): string {
  // One-shot: every request hashes its session cookie, and a Hash object per call is garbage.
  return hash('sha256', id, 'base64url')
}

/** Constant-time string equality for secrets. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** A 256-bit id as issued by {@link randomId}(32): 43 base64url characters. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{43}$/
