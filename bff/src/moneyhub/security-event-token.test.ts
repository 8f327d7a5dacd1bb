import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  SignJWT,
  UnsecuredJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'

import { isMoneyhubError } from './errors'
import { verifySecurityEventToken, type SecurityEventTokenVerifier } from './security-event-token'

const NOW = Date.UTC(2026, 11, 6, 10, 0, 0)
const ISSUER = 'https://identity.moneyhub.co.uk/oidc'
let signingKey: CryptoKey
let verifier: SecurityEventTokenVerifier

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true })
  signingKey = pair.privateKey
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'mh-1', alg: 'RS256' }
  const set = createLocalJWKSet({ keys: [jwk] })
  verifier = {
    issuers: [ISSUER, 'https://identity.moneyhub.co.uk'],
    clientId: 'client-1',
    algorithms: ['RS256'],
    toleranceSeconds: 15,
    now: () => NOW,
    jwks: { resolve: (header, token) => set(header, token), warm: () => Promise.resolve() },
  }
})

const claims = (over: JWTPayload = {}): JWTPayload => ({
  iss: 'https://identity.moneyhub.co.uk',
  aud: 'client-1',
  jti: 'c9d133e0-e708-402d-a6b7-dc8ff9c29a1c',
  sub: '5f75a9f947f9bd74d921a6c9',
  iat: Math.floor(NOW / 1000) - 10,
  events: { 'urn:com:moneyhub:events:payment-completed': { paymentId: 'p' } },
  ...over,
})

const sign = (payload: JWTPayload, key: CryptoKey = signingKey, kid = 'mh-1') =>
  new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid }).sign(key)

async function refusal(token: string): Promise<string> {
  try {
    await verifySecurityEventToken(verifier, token)
  } catch (err) {
    if (isMoneyhubError(err)) return err.code
    throw err
  }
  return 'accepted'
}

describe('verifySecurityEventToken', () => {
  it("accepts Moneyhub's token with iss the identity origin or the OIDC issuer", async () => {
    const verified = await verifySecurityEventToken(verifier, await sign(claims()))
    expect(verified.sub).toBe('5f75a9f947f9bd74d921a6c9')
    expect(verified.events).toEqual(claims().events)
    expect(await refusal(await sign(claims({ iss: ISSUER })))).toBe('accepted')
  })

  it('refuses another audience, another issuer, a stale or future iat', async () => {
    const nowSeconds = Math.floor(NOW / 1000)
    for (const bad of [
      claims({ aud: 'client-2' }),
      claims({ iss: 'https://identity.example.com' }),
      claims({ iat: nowSeconds - 3600 }),
      claims({ iat: nowSeconds + 3600 }),
    ]) {
      expect(await refusal(await sign(bad))).toBe('invalid_security_event_token')
    }
  })

  it('refuses a missing jti, sub, iat or events, and empty events', async () => {
    for (const name of ['jti', 'sub', 'iat', 'events'] as const) {
      const payload = claims()
      delete payload[name]
      expect(await refusal(await sign(payload)), name).toBe('invalid_security_event_token')
    }
    expect(await refusal(await sign(claims({ events: {} })))).toBe('invalid_security_event_token')
  })

  it('refuses another key, an unsigned token, HMAC and a tampered payload', async () => {
    const other = await generateKeyPair('RS256')
    expect(await refusal(await sign(claims(), other.privateKey))).toBe(
      'invalid_security_event_token',
    )
    expect(await refusal(new UnsecuredJWT(claims()).encode())).toBe('invalid_security_event_token')
    const hmac = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256', kid: 'mh-1' })
      .sign(new TextEncoder().encode('x'.repeat(32)))
    expect(await refusal(hmac)).toBe('invalid_security_event_token')
    const [header, , signature] = (await sign(claims())).split('.')
    const forged = Buffer.from(JSON.stringify(claims({ sub: 'someone-else' }))).toString(
      'base64url',
    )
    expect(await refusal(`${header}.${forged}.${signature}`)).toBe('invalid_security_event_token')
    expect(await refusal('')).toBe('invalid_security_event_token')
  })
})
