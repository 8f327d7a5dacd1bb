import { createHash, generateKeyPairSync } from 'node:crypto'

/** A client signing key made for one test run. */
export interface GeneratedClientKey {
  /** The private JWK as JSON text, for your BFF's `MONEYHUB_PRIVATE_KEY`. Never give it to a page. */
  readonly privateJwk: string
  /** The matching public JWK set, to register with the simulator inline. */
  readonly publicJwks: { keys: Record<string, string>[] }
  readonly kid: string
}

/**
 * Generates an RSA 2048 (PS256) client key, synchronously so a Playwright config can call it
 * while it is evaluated, and no key is ever checked in. The `kid` is the RFC 7638 thumbprint,
 * the same one the BFF derives for a key that comes without one.
 *
 * @returns the private JWK for the BFF and the public JWKS for the simulator
 */
export function generateClientKey(): GeneratedClientKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const publicJwk = publicKey.export({ format: 'jwk' }) as Record<string, string>
  const canonical = JSON.stringify({ e: publicJwk.e, kty: publicJwk.kty, n: publicJwk.n })
  const kid = createHash('sha256').update(canonical).digest('base64url')
  const meta = { kid, alg: 'PS256', use: 'sig' }
  const priv = { ...(privateKey.export({ format: 'jwk' }) as Record<string, string>), ...meta }
  return {
    privateJwk: JSON.stringify(priv),
    publicJwks: { keys: [{ ...publicJwk, ...meta }] },
    kid,
  }
}
