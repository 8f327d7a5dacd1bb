import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify } from 'jose'
import { beforeEach, describe, expect, it } from 'vitest'
import type { MoneyhubErrorCode } from './errors'
import {
  CLIENT_ID,
  ISSUER,
  REDIRECT_URI,
  harness,
  json,
  type Harness,
  expectCode,
} from '../../test/support/moneyhub-harness'
import { generateCodeVerifier, generateNonce, generateState } from './random'

const PAR = `${ISSUER}/request`
const REQUEST_URI = 'urn:ietf:params:oauth:request_uri:abc123'

describe('pushedAuthorisationRequest', () => {
  let h: Harness
  const params = {
    scope: 'openid id:test',
    claims: { id_token: { sub: { essential: true }, 'mh:con_id': { essential: true } } },
    state: generateState(),
    nonce: generateNonce(),
    codeVerifier: generateCodeVerifier(),
  }
  beforeEach(async () => {
    h = await harness()
  })

  it('sends a signed request object with private_key_jwt and builds an encoded URL', async () => {
    h.up.on('POST', PAR, () => json({ request_uri: REQUEST_URI, expires_in: 60 }, 201))
    const result = await h.client.pushedAuthorisationRequest(params)
    expect(result.requestUri).toBe(REQUEST_URI)
    expect(result.expiresIn).toBe(60)
    const url = new URL(result.url)
    expect(url.origin + url.pathname).toBe(`${ISSUER}/auth`)
    expect([...url.searchParams.keys()]).toEqual(['client_id', 'request_uri'])
    expect(url.searchParams.get('request_uri')).toBe(REQUEST_URI)
    expect(result.url).toContain('request_uri=urn%3Aietf%3Aparams')

    const [call] = h.up.callsTo(PAR)
    const form = new URLSearchParams(call?.body)
    expect(form.get('client_assertion_type')).toBe(
      'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    )
    // Every authorisation parameter travels inside the request object only.
    expect(form.get('scope')).toBeNull()
    const request = form.get('request') ?? ''
    const header = decodeProtectedHeader(request)
    expect(header).toMatchObject({
      typ: 'oauth-authz-req+jwt',
      alg: 'ES256',
      kid: h.keys.signing.kid,
    })
    const publicKey = await importJWK(h.keys.signing.publicJwk, 'ES256')
    const { payload } = await jwtVerify(request, publicKey, { issuer: CLIENT_ID, audience: ISSUER })
    expect(payload).toMatchObject({
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope: 'openid id:test',
      state: params.state,
      nonce: params.nonce,
      prompt: 'consent',
      code_challenge_method: 'S256',
      claims: params.claims,
    })
    expect(typeof payload.jti).toBe('string')
    expect(payload.nbf).toBe(payload.iat)
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBeLessThanOrEqual(600)
    const assertion = decodeJwt(form.get('client_assertion') ?? '')
    expect(assertion).toMatchObject({ iss: CLIENT_ID, sub: CLIENT_ID, aud: ISSUER })
  })

  const failures: Array<[string, () => Response, MoneyhubErrorCode]> = [
    ['a 400 OAuth error', () => json({ error: 'invalid_request' }, 400), 'par_failed'],
    ['a 401 invalid_client', () => json({ error: 'invalid_client' }, 401), 'par_failed'],
    [
      'a 200 instead of 201',
      () => json({ request_uri: REQUEST_URI, expires_in: 60 }, 200),
      'par_failed',
    ],
    [
      'a non-JSON 201',
      () => new Response('ok', { status: 201, headers: { 'content-type': 'text/plain' } }),
      'par_failed',
    ],
    ['a numeric request_uri', () => json({ request_uri: 1, expires_in: 60 }, 201), 'par_failed'],
    [
      'a string expires_in',
      () => json({ request_uri: REQUEST_URI, expires_in: '60' }, 201),
      'par_failed',
    ],
    ['no request_uri', () => json({ expires_in: 60 }, 201), 'par_failed'],
    ['a 500', () => json({ error: 'server_error' }, 500), 'par_failed'],
    ['a 429', () => json({ error: 'slow_down' }, 429, { 'retry-after': '3' }), 'rate_limited'],
  ]
  for (const [name, respond, code] of failures) {
    it(`fails with ${code} on ${name} and does not retry`, async () => {
      h.up.on('POST', PAR, respond)
      await expectCode(h.client.pushedAuthorisationRequest(params), code)
      expect(h.up.callsTo(PAR)).toHaveLength(1)
    })
  }

  it('keeps the upstream OAuth error code', async () => {
    h.up.on('POST', PAR, () => json({ error: 'invalid_scope', error_description: 'x' }, 400))
    const err = await expectCode(h.client.pushedAuthorisationRequest(params), 'par_failed')
    expect(err.error).toBe('invalid_scope')
    expect(err.status).toBe(400)
  })

  it('rejects caller misuse with TypeError before any call', async () => {
    await expect(
      h.client.pushedAuthorisationRequest({ ...params, state: '' }),
    ).rejects.toBeInstanceOf(TypeError)
    await expect(
      h.client.pushedAuthorisationRequest({ ...params, nonce: 'n'.repeat(65) }),
    ).rejects.toBeInstanceOf(TypeError)
    await expect(
      h.client.pushedAuthorisationRequest({ ...params, codeVerifier: 'short' }),
    ).rejects.toBeInstanceOf(TypeError)
    expect(h.up.calls).toHaveLength(0)
  })

  it('builds the inline request-object URL', async () => {
    const url = new URL(await h.client.authorisationUrl(params))
    expect(url.searchParams.get('client_id')).toBe(CLIENT_ID)
    expect(url.searchParams.get('response_type')).toBe('code')
    expect(url.searchParams.get('scope')).toBe('openid id:test')
    expect(decodeJwt(url.searchParams.get('request') ?? '')).toMatchObject({ state: params.state })
    expect(h.up.callsTo(PAR)).toHaveLength(0)
  })

  it('builds the URL from a request_uri', async () => {
    const url = new URL(await h.client.authorisationUrl({ requestUri: REQUEST_URI }))
    expect(url.searchParams.get('request_uri')).toBe(REQUEST_URI)
    expect(url.searchParams.get('client_id')).toBe(CLIENT_ID)
  })
})
