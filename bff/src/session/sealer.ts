import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/** Encrypts secrets (refresh tokens, one-time access tokens) before they reach the store. */
export interface Sealer {
  /** AES-256-GCM; output `v1.<iv>.<ciphertext>.<tag>` (base64url). */
  seal(plaintext: string, context: string): string
  /** Reverses {@link Sealer.seal}; throws `TypeError` when tampered with or the key differs. */
  open(sealed: string, context: string): string
}

/**
 * Creates a {@link Sealer} over a 256-bit key (SESSION_ENCRYPTION_KEY). `context` (e.g. the
 * session id) is bound as additional authenticated data, so a sealed value moved to another
 * record does not open. docs/security.md K6.
 *
 * @param key - exactly 32 bytes
 * @throws TypeError when the key is not 32 bytes
 */
export function createSealer(key: Buffer): Sealer {
  if (key.length !== 32) throw new TypeError('session encryption key must be 32 bytes')
  return {
    seal(plaintext, context) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      cipher.setAAD(Buffer.from(context, 'utf8'))
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      const tag = cipher.getAuthTag()
      return ['v1', iv, body, tag]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.')
    },
    open(sealed, context) {
      const parts = sealed.split('.')
      if (parts.length !== 4 || parts[0] !== 'v1') throw new TypeError('not a sealed value')
      const [, iv, body, tag] = parts.map((p) => Buffer.from(p, 'base64url'))
      if (iv === undefined || body === undefined || tag === undefined || tag.length !== 16) {
        throw new TypeError('not a sealed value')
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv)
        decipher.setAAD(Buffer.from(context, 'utf8'))
        decipher.setAuthTag(tag)
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')
      } catch {
        throw new TypeError('sealed value cannot be opened')
      }
    },
  }
}
