/**
 * Verification of Moneyhub's JWT-format webhooks: a Security Event Token (RFC 8417) signed
 * with the identity service's keys, checked like an ID token (docs/moneyhub-protocol.md §7.1)
 * against the same JWKS: signature, pinned algorithms, `iss`, `aud` = this client, `iat`
 * freshness, and the presence of `jti`, `sub` and `events`. See docs/webhooks.md.
 */
import { loadJose } from './internal/lazy-jose'

import { MoneyhubError } from './errors'
import type { JwksCache } from './jwks'

/** The verified claims of a webhook token. */
export interface SecurityEventTokenClaims {
  iss: string
  aud: string | string[]
  /** Unique per delivery: the replay key. */
  jti: string
  /** Seconds since the epoch. */
  iat: number
  /** The Moneyhub user the events are about. */
  sub: string
  /** One entry per event, keyed by a URN such as `urn:com:moneyhub:events:payment-completed`. */
  events: Record<string, unknown>
}

/** What verification needs besides the token. */
export interface SecurityEventTokenVerifier {
  /**
   * Accepted `iss` values. Moneyhub's example names the identity host's origin
   * (`https://identity.moneyhub.co.uk`) while ID tokens carry the OIDC issuer (`…/oidc`), so
   * the client accepts exactly these two.
   */
  issuers: string[]
  clientId: string
  /** Pinned signing algorithms (never `none`, never HMAC). */
  algorithms: string[]
  toleranceSeconds: number
  now: () => number
  jwks: JwksCache
}

function invalid(message: string, cause?: unknown): MoneyhubError {
  return new MoneyhubError('invalid_security_event_token', message, { cause })
}

/**
 * Verify a webhook Security Event Token and return its claims.
 *
 * @param v - accepted issuers, client id, pinned algorithms, clock, JWKS
 * @param token - the compact JWS (the `application/jwt` request body)
 * @param options - `maxAgeSeconds`: how old `iat` may be (default 300)
 * @returns the verified claims
 * @throws MoneyhubError `invalid_security_event_token` for any defect (the message names the
 *   check, never the token); JWKS transport failures keep their own codes
 * @see https://docs.moneyhubenterprise.com/docs/webhook-format
 * @see https://www.rfc-editor.org/rfc/rfc8417
 */
export async function verifySecurityEventToken(
  v: SecurityEventTokenVerifier,
  token: string,
  options: { maxAgeSeconds?: number } = {},
): Promise<SecurityEventTokenClaims> {
  if (typeof token !== 'string' || token.length === 0) throw invalid('token missing')
  const { errors: joseErrors, jwtVerify } = await loadJose()
  let payload: Record<string, unknown>
  try {
    const result = await jwtVerify(token, v.jwks.resolve, {
      issuer: v.issuers,
      audience: v.clientId,
      algorithms: v.algorithms,
      clockTolerance: v.toleranceSeconds,
      maxTokenAge: options.maxAgeSeconds ?? 300,
      currentDate: new Date(v.now()),
      requiredClaims: ['iss', 'aud', 'jti', 'iat', 'sub'],
    })
    payload = result.payload
  } catch (err) {
    if (err instanceof MoneyhubError) throw err
    if (err instanceof joseErrors.JOSEError) throw invalid(`token rejected (${err.code})`, err)
    throw invalid('token rejected', err)
  }
  const { jti, sub, events } = payload
  if (typeof jti !== 'string' || jti.length === 0 || jti.length > 200) throw invalid('jti invalid')
  if (typeof sub !== 'string' || sub.length === 0) throw invalid('sub invalid')
  if (typeof events !== 'object' || events === null || Array.isArray(events)) {
    throw invalid('events missing')
  }
  if (Object.keys(events).length === 0) throw invalid('events empty')
  return payload as unknown as SecurityEventTokenClaims
}
