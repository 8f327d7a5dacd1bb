import { createHash, generateKeyPairSync } from 'node:crypto'

/** A freshly generated client signing key, as the BFF and the simulator each need it. */
export interface ClientKeys {
  /** Private JWK as JSON text, for the BFF's `MONEYHUB_PRIVATE_KEY`. Never sent to a browser. */
  readonly privateJwk: string
  /** Public JWK set (what the BFF publishes at its `jwks_uri`). */
  readonly publicJwks: { keys: Record<string, string>[] }
  readonly kid: string
}

/**
 * Generates an RSA 2048 (PS256) client key pair for one stack run, so no key is ever checked
 * in. PS256 is the simulator's default client registration (and Moneyhub's usual choice).
 *
 * @returns the private JWK for the BFF and the matching public JWKS
 */
export function generateClientKeys(): ClientKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const publicJwk = publicKey.export({ format: 'jwk' }) as Record<string, string>
  // The kid is the RFC 7638 thumbprint, which is also what the BFF derives when a key comes
  // without one, so the registered kid and the kid in the BFF's assertions always agree.
  const canonical = JSON.stringify({ e: publicJwk.e, kty: publicJwk.kty, n: publicJwk.n })
  const kid = createHash('sha256').update(canonical).digest('base64url')
  const meta = { kid, alg: 'PS256', use: 'sig' }
  const priv = { ...(privateKey.export({ format: 'jwk' }) as Record<string, string>), ...meta }
  const pub = { ...publicJwk, ...meta }
  return { privateJwk: JSON.stringify(priv), publicJwks: { keys: [pub] }, kid }
}
