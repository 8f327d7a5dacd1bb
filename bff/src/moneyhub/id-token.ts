/**
 * ID-token verification with jose: signature with the identity service's keys, `alg` pinned to
 * the registered alg, `iss`, `aud`/`azp`, `exp`, `iat` (bounded age), `nonce`, and the claims
 * the caller asked for (docs/moneyhub-protocol.md §7.1, docs/security.md P15–P19).
 */
import { loadJose } from './internal/lazy-jose'
import { MoneyhubError } from './errors'
import type { JwksCache } from './jwks'

/** ID-token signing algorithms the client can be registered with. */
export type IdTokenAlg = 'RS256' | 'PS256' | 'ES256'

/**
 * What the caller expects back in the ID token (docs/moneyhub-protocol.md §7.3,
 * docs/security.md P19).
 */
export interface ExpectedClaims {
  /** The user id sent in `claims.id_token.sub.value`; the ID token `sub` must equal it. */
  sub?: string
  /** `true`: `mh:con_id` must be present; a string: it must equal that id (reauth, reconsent). */
  connectionId?: boolean | string
  payment?: boolean
  standingOrder?: boolean
  recurringPayment?: boolean
  reversePayment?: boolean
}

/** Expectations for {@link MoneyhubClient.verifyIdToken}. */
export interface IdTokenExpectations extends ExpectedClaims {
  /** The nonce sent; omit only for refresh-response ID tokens. */
  nonce?: string
  /** Maximum age of `iat` in seconds (default 3600). */
  maxAgeSeconds?: number
}

/** Verified ID-token claims (the payload). */
export type IdTokenClaims = Record<string, unknown> & {
  iss: string
  sub: string
  aud: string | string[]
  exp: number
  iat: number
}

/** What verification needs besides the token. */
export interface IdTokenVerifier {
  issuer: string
  clientId: string
  alg: IdTokenAlg
  toleranceSeconds: number
  now: () => number
  jwks: JwksCache
}

const CLAIM_NAMES = {
  connectionId: 'mh:con_id',
  payment: 'mh:payment',
  standingOrder: 'mh:standing_order',
  recurringPayment: 'mh:recurring_payment',
  reversePayment: 'mh:reverse_payment',
} as const

function invalid(message: string, cause?: unknown): MoneyhubError {
  return new MoneyhubError('invalid_id_token', message, { cause })
}

/**
 * The id a resource claim carries: Moneyhub sends the id string (`mh:payment`); for the other
 * intents the value is unconfirmed (docs/moneyhub-protocol.md §12.4), so an object with an `id` is
 * accepted too.
 */
export function claimId(value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > 0) return value
  if (typeof value === 'object' && value !== null && 'id' in value) {
    const id = value.id
    if (typeof id === 'string' && id.length > 0) return id
  }
  return undefined
}

/**
 * Verify an ID token and return its claims.
 *
 * @param v - issuer, client id, pinned alg, clock, JWKS
 * @param idToken - the compact JWS
 * @param expect - nonce, expected `sub`, which Moneyhub claims must be present, maximum age
 * @returns the verified claims
 * @throws MoneyhubError `invalid_id_token` for any defect (the message names the check, never
 *   the token); JWKS transport failures keep their own codes (`upstream_timeout`, ...)
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation
 */
export async function verifyIdToken(
  v: IdTokenVerifier,
  idToken: string,
  expect: IdTokenExpectations,
): Promise<IdTokenClaims> {
  if (typeof idToken !== 'string' || idToken.length === 0) throw invalid('ID token missing')
  const { errors: joseErrors, jwtVerify } = await loadJose()
  let payload: Record<string, unknown>
  try {
    const result = await jwtVerify(idToken, v.jwks.resolve, {
      issuer: v.issuer,
      audience: v.clientId,
      algorithms: [v.alg],
      clockTolerance: v.toleranceSeconds,
      maxTokenAge: expect.maxAgeSeconds ?? 3600,
      currentDate: new Date(v.now()),
      requiredClaims: ['iss', 'sub', 'aud', 'exp', 'iat'],
    })
    payload = result.payload
  } catch (err) {
    if (err instanceof MoneyhubError) throw err
    if (err instanceof joseErrors.JOSEError) throw invalid(`ID token rejected (${err.code})`, err)
    throw invalid('ID token rejected', err)
  }
  const aud = payload.aud
  if (Array.isArray(aud) && aud.length > 1 && payload.azp === undefined) {
    throw invalid('ID token has several audiences and no azp')
  }
  if (payload.azp !== undefined && payload.azp !== v.clientId) {
    throw invalid('ID token azp is not this client')
  }
  if (typeof payload.sub !== 'string' || payload.sub.length === 0)
    throw invalid('ID token sub missing')
  if (expect.nonce !== undefined && payload.nonce !== expect.nonce) {
    throw invalid('ID token nonce differs from the one sent')
  }
  if (expect.sub !== undefined && payload.sub !== expect.sub) {
    throw invalid('ID token sub differs from the requested user')
  }
  if (typeof expect.connectionId === 'string' && payload['mh:con_id'] !== expect.connectionId) {
    throw invalid('ID token mh:con_id differs from the requested connection')
  }
  for (const [key, name] of Object.entries(CLAIM_NAMES)) {
    const wanted = expect[key as keyof typeof CLAIM_NAMES]
    if (wanted !== undefined && wanted !== false && claimId(payload[name]) === undefined) {
      throw invalid(`ID token lacks the requested ${name}`)
    }
  }
  return payload as IdTokenClaims
}
