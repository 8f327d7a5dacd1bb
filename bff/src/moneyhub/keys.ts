/**
 * Client signing keys: load (JWK or PKCS#8 PEM), generate for development, publish as a JWKS.
 * RSA ≥ 2048 bits signs PS256, EC P-256 signs ES256; anything weaker is refused
 * (docs/security.md K2).
 */
import {
  createPrivateKey,
  hash,
  webcrypto,
  type JsonWebKeyInput,
  type KeyObject,
} from 'node:crypto'

import type { CryptoKey, JWK } from 'jose'

import { loadJose } from './internal/lazy-jose'

/** How the client authenticates at the token and PAR endpoints. */
export type MoneyhubAuthMethod = 'private_key_jwt' | { clientSecretBasic: string }

/** Signing algorithms a client key may use. */
export type ClientKeyAlg = 'PS256' | 'ES256'

/** One loaded client key. The private part is a non-extractable `CryptoKey`. */
export interface ClientKey {
  readonly kid: string
  readonly alg: ClientKeyAlg
  readonly privateKey: CryptoKey
  /** Public part only, with `kid`, `alg` and `use: 'sig'`. */
  readonly publicJwk: JWK
}

/** Loaded client keys: the first one signs, all are published (rotation with overlap, K4). */
export interface ClientKeys {
  readonly signing: ClientKey
  readonly all: readonly ClientKey[]
}

/**
 * One key to load: a JWK (object or JSON string) or a PKCS#8 PEM, with an optional `kid`.
 * The key is published and used under the JWK's own `kid`, else `kid`, else its RFC 7638
 * thumbprint; a `kid` that differs from the JWK's own is refused.
 */
export interface ClientKeyInput {
  jwk?: string | Record<string, unknown>
  pem?: string
  kid?: string
}

// The required public members of each key type, in lexicographic order: the order RFC 7638
// hashes them in for the thumbprint.
const PUBLIC_MEMBERS: Record<string, readonly string[]> = {
  RSA: ['e', 'kty', 'n'],
  EC: ['crv', 'kty', 'x', 'y'],
}

// What the private key signs with, as Web Crypto names it.
const SIGNING_ALGORITHMS = {
  PS256: { name: 'RSA-PSS', hash: 'SHA-256' },
  ES256: { name: 'ECDSA', namedCurve: 'P-256' },
} as const

/** RFC 7638 thumbprint (SHA-256, base64url) of a public JWK holding only its required members. */
function thumbprint(publicJwk: JWK): string {
  return hash('sha256', JSON.stringify(publicJwk), 'base64url')
}

// A kid travels in every JWS header and in the published JWKS: short and printable only.
const KID_PATTERN = /^[\x21-\x7e]{1,200}$/

/**
 * The `kid` the key is registered under (docs/security.md K3): Moneyhub finds the client's key by
 * the assertion's `kid`, so the JWK's own `kid` (what Moneyhub's admin portal and official client
 * use as is) wins, then a `kid` given beside the key (a PEM has none of its own); undefined
 * when neither is given, and the caller falls back to the thumbprint.
 */
function registeredKid(input: ClientKeyInput, jwk: Record<string, unknown> | undefined) {
  const own = jwk?.kid
  if (own !== undefined && (typeof own !== 'string' || !KID_PATTERN.test(own))) {
    throw new TypeError('the JWK kid must be 1 to 200 printable characters')
  }
  if (input.kid !== undefined && !KID_PATTERN.test(input.kid)) {
    throw new TypeError('the key id (kid) must be 1 to 200 printable characters')
  }
  if (own !== undefined && input.kid !== undefined && own !== input.kid) {
    throw new TypeError('the given key id (kid) differs from the kid inside the JWK')
  }
  return own ?? input.kid
}

const UNPARSABLE = 'the client key could not be parsed (expected a private JWK or PKCS#8 PEM)'

function parseJwk(input: ClientKeyInput): Record<string, unknown> | undefined {
  if (input.jwk === undefined) return undefined
  let jwk: unknown
  try {
    jwk = typeof input.jwk === 'string' ? JSON.parse(input.jwk) : input.jwk
  } catch {
    // Never echo the key material itself (JSON.parse quotes the text it stopped at).
    throw new TypeError(UNPARSABLE)
  }
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) throw new TypeError(UNPARSABLE)
  return jwk as Record<string, unknown>
}

function toKeyObject(input: ClientKeyInput, jwk: Record<string, unknown> | undefined): KeyObject {
  try {
    if (input.pem !== undefined) {
      return createPrivateKey({ key: input.pem, format: 'pem' })
    }
    if (jwk !== undefined) {
      if (!('d' in jwk)) throw new TypeError('the JWK is not a private key')
      return createPrivateKey({
        key: jwk as JsonWebKeyInput['key'],
        format: 'jwk',
      })
    }
  } catch (cause) {
    // Never echo the key material itself.
    throw new TypeError(UNPARSABLE, {
      cause: cause instanceof TypeError ? undefined : 'parse error',
    })
  }
  throw new TypeError('a client key needs a jwk or a pem')
}

async function loadOne(input: ClientKeyInput): Promise<ClientKey> {
  if (input.jwk !== undefined && input.pem !== undefined) {
    throw new TypeError('a client key is either a JWK or a PEM, not both')
  }
  const jwk = parseJwk(input)
  const givenKid = registeredKid(input, jwk)
  const keyObject = toKeyObject(input, jwk)
  const details = keyObject.asymmetricKeyDetails ?? {}
  let alg: ClientKeyAlg
  if (keyObject.asymmetricKeyType === 'rsa' || keyObject.asymmetricKeyType === 'rsa-pss') {
    if ((details.modulusLength ?? 0) < 2048) {
      throw new TypeError('RSA client keys must be at least 2048 bits')
    }
    alg = 'PS256'
  } else if (keyObject.asymmetricKeyType === 'ec') {
    if (details.namedCurve !== 'prime256v1') {
      throw new TypeError('EC client keys must use the P-256 curve')
    }
    alg = 'ES256'
  } else {
    throw new TypeError(`unsupported client key type ${String(keyObject.asymmetricKeyType)}`)
  }
  const privateJwk = keyObject.export({ format: 'jwk' }) as JWK
  const kty = privateJwk.kty ?? ''
  const publicJwk: JWK = {}
  for (const member of PUBLIC_MEMBERS[kty] ?? []) {
    const value = (privateJwk as Record<string, unknown>)[member]
    if (typeof value === 'string') (publicJwk as Record<string, unknown>)[member] = value
  }
  const kid = givenKid ?? thumbprint(publicJwk)
  // Web Crypto directly rather than jose's importJWK: the same non-extractable CryptoKey, and
  // jose stays unloaded until a token is first verified (internal/lazy-jose.ts).
  const privateKey: CryptoKey = await webcrypto.subtle.importKey(
    'jwk',
    privateJwk as webcrypto.JsonWebKey,
    SIGNING_ALGORITHMS[alg],
    false,
    ['sign'],
  )
  return { kid, alg, privateKey, publicJwk: { ...publicJwk, kid, alg, use: 'sig' } }
}

/**
 * Load the client's private signing keys.
 *
 * @param input - one key or several (rotation: the first signs, all are published)
 * @returns the loaded keys
 * @throws TypeError when a key cannot be parsed, is weaker than RSA-2048 / P-256, has a `kid`
 *   that is not 1–200 printable characters or differs from the given one, or two keys share a
 *   `kid` (docs/security.md K2, K3)
 * @see https://docs.moneyhubenterprise.com/docs/authentication
 */
export async function loadClientKeys(
  input: ClientKeyInput | readonly ClientKeyInput[],
): Promise<ClientKeys> {
  const inputs: readonly ClientKeyInput[] = Array.isArray(input)
    ? (input as readonly ClientKeyInput[])
    : [input as ClientKeyInput]
  if (inputs.length === 0) throw new TypeError('at least one client key is required')
  const all = await Promise.all(inputs.map(loadOne))
  const kids = new Set(all.map((k) => k.kid))
  if (kids.size !== all.length) throw new TypeError('client key ids (kid) must be unique')
  return { signing: all[0] as ClientKey, all }
}

/**
 * Generate a fresh private key for development and tests. Keep the returned JWK secret.
 *
 * @param alg - `PS256` (RSA 2048) or `ES256` (P-256)
 * @returns a private JWK with `kid`, `alg` and `use`, ready for {@link loadClientKeys}
 */
export async function generateClientKey(alg: ClientKeyAlg = 'PS256'): Promise<JWK> {
  if (alg !== 'PS256' && alg !== 'ES256') throw new TypeError('alg must be PS256 or ES256')
  const { exportJWK, generateKeyPair, calculateJwkThumbprint } = await loadJose()
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true })
  const jwk = await exportJWK(privateKey)
  const kid = await calculateJwkThumbprint(await exportJWK(publicKey))
  return { ...jwk, kid, alg, use: 'sig' }
}

/**
 * The public JWKS to register with Moneyhub (or serve at `/.well-known/jwks.json`).
 *
 * @param keys - loaded client keys
 * @returns `{ keys }` with public members, `kid`, `alg` and `use: 'sig'` only
 */
export function publicJwks(keys: ClientKeys): { keys: JWK[] } {
  return { keys: keys.all.map((k) => ({ ...k.publicJwk })) }
}
