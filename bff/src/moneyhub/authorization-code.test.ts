import { generateKeyPair } from 'jose'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  CLIENT_ID,
  ISSUER,
  REDIRECT_URI,
  discoveryDocument,
  harness,
  json,
  expectCode,
  type Harness,
} from '../../test/support/moneyhub-harness'
import type { MoneyhubErrorCode } from './errors'

const TOKEN = `${ISSUER}/token`
const CERTS = `${ISSUER}/certs`
const VERIFIER = 'v'.repeat(43)

function callback(params: Record<string, string | string[]>): URLSearchParams {
  const search = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) for (const x of [v].flat()) search.append(k, x)
  return search
}

const goodCallback = () => callback({ code: 'code-1', state: 'state-1', iss: ISSUER })

describe('exchangeCode', () => {
  let h: Harness
  beforeEach(async () => {
    h = await harness()
  })

  const tokenResponse = async (
    claims: Record<string, unknown> = {},
    opts?: Parameters<Harness['idToken']>[1],
  ): Promise<() => Response> => {
    // A factory, so each upstream call gets a fresh (unconsumed) Response.
    const body = {
      access_token: 'at-secret',
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: 'rt-secret',
      id_token: await h.idToken({ 'mh:con_id': 'bank:con-1', ...claims }, opts),
    }
    return () => json(body)
  }

  const exchange = (over: Partial<Parameters<Harness['client']['exchangeCode']>[0]> = {}) =>
    h.client.exchangeCode({
      callbackParams: goodCallback(),
      expectedState: 'state-1',
      expectedNonce: 'nonce-1',
      codeVerifier: VERIFIER,
      ...over,
    })

  it('exchanges the code with PKCE, redirect_uri, sub and private_key_jwt and returns the ids', async () => {
    const body = await tokenResponse()
    h.up.on('POST', TOKEN, body)
    const result = await exchange({ sub: 'user-1', expectedClaims: { connectionId: true } })
    expect(result.sub).toBe('user-1')
    expect(result.connectionId).toBe('bank:con-1')
    expect(result.tokens.accessToken).toBe('at-secret')
    expect(result.tokens.refreshToken).toBe('rt-secret')
    expect(result.tokens.expiresAt).toBe(h.clock.now + 3_600_000)
    const [call] = h.up.callsTo(TOKEN)
    const form = new URLSearchParams(call?.body)
    expect(form.get('grant_type')).toBe('authorization_code')
    expect(form.get('code')).toBe('code-1')
    expect(form.get('code_verifier')).toBe(VERIFIER)
    expect(form.get('redirect_uri')).toBe(REDIRECT_URI)
    expect(form.get('sub')).toBe('user-1')
    expect(form.get('client_id')).toBe(CLIENT_ID)
    expect(form.get('client_assertion_type')).toBe(
      'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    )
    expect(form.get('client_assertion')?.split('.')).toHaveLength(3)
  })

  it('accepts the requested connection id echoed back', async () => {
    h.up.on('POST', TOKEN, await tokenResponse())
    const result = await exchange({ expectedClaims: { connectionId: 'bank:con-1' } })
    expect(result.connectionId).toBe('bank:con-1')
  })

  it('rejects an ID token whose mh:con_id differs from the requested connection', async () => {
    h.up.on('POST', TOKEN, await tokenResponse({ 'mh:con_id': 'bank:other' }))
    await expectCode(
      exchange({ expectedClaims: { connectionId: 'bank:con-1' } }),
      'invalid_id_token',
    )
  })

  it('authenticates with client_secret_basic when explicitly chosen', async () => {
    const client = h.makeClient({ authMethod: { clientSecretBasic: 's3cret' } })
    h.up.on('POST', TOKEN, await tokenResponse())
    await client.exchangeCode({
      callbackParams: goodCallback(),
      expectedState: 'state-1',
      expectedNonce: 'nonce-1',
      codeVerifier: VERIFIER,
    })
    const [call] = h.up.callsTo(TOKEN)
    const basic = call?.headers.get('authorization') ?? ''
    expect(basic.startsWith('Basic ')).toBe(true)
    // RFC 6749 §2.3.1: each half is form-urlencoded before base64.
    const decoded = Buffer.from(basic.slice(6), 'base64').toString().split(':')
    expect(decoded.map((part) => decodeURIComponent(part))).toEqual(['client-1', 's3cret'])
    expect(new URLSearchParams(call?.body).get('client_assertion')).toBeNull()
  })

  it('returns the payment id from mh:payment', async () => {
    const body = await tokenResponse({ 'mh:payment': 'pay-1' })
    h.up.on('POST', TOKEN, body)
    const result = await exchange({ expectedClaims: { payment: true } })
    expect(result.paymentId).toBe('pay-1')
  })

  describe('callback defects never reach the token endpoint', () => {
    const cases: Array<[string, URLSearchParams, MoneyhubErrorCode]> = [
      [
        'a different iss',
        callback({ code: 'c', state: 'state-1', iss: 'https://evil.test/oidc' }),
        'iss_mismatch',
      ],
      [
        'a missing iss (advertised as supported)',
        callback({ code: 'c', state: 'state-1' }),
        'iss_mismatch',
      ],
      [
        'a repeated iss',
        callback({ code: 'c', state: 'state-1', iss: [ISSUER, ISSUER] }),
        'iss_mismatch',
      ],
      ['a different state', callback({ code: 'c', state: 'other', iss: ISSUER }), 'state_mismatch'],
      ['a missing state', callback({ code: 'c', iss: ISSUER }), 'state_mismatch'],
      [
        'a repeated state',
        callback({ code: 'c', state: ['state-1', 'state-1'], iss: ISSUER }),
        'state_mismatch',
      ],
      [
        'a repeated code',
        callback({ code: ['a', 'b'], state: 'state-1', iss: ISSUER }),
        'invalid_callback',
      ],
      [
        'error=access_denied',
        callback({ error: 'access_denied', state: 'state-1', iss: ISSUER }),
        'access_denied',
      ],
      [
        'another error',
        callback({ error: 'invalid_claims', state: 'state-1', iss: ISSUER }),
        'authorization_error',
      ],
      ['no code', callback({ state: 'state-1', iss: ISSUER }), 'invalid_callback'],
      [
        'an id_token in plain code mode',
        callback({ code: 'c', id_token: 'x', state: 'state-1', iss: ISSUER }),
        'invalid_callback',
      ],
    ]
    for (const [name, params, code] of cases) {
      it(`rejects a callback with ${name}`, async () => {
        await expectCode(exchange({ callbackParams: params }), code)
        expect(h.up.callsTo(TOKEN)).toHaveLength(0)
      })
    }

    it('checks iss before state and state before error', async () => {
      await expectCode(
        exchange({ callbackParams: callback({ error: 'access_denied', iss: 'x' }) }),
        'iss_mismatch',
      )
      await expectCode(
        exchange({ callbackParams: callback({ error: 'access_denied', iss: ISSUER }) }),
        'state_mismatch',
      )
    })

    it('keeps the upstream error code but not its description', async () => {
      const err = await expectCode(
        exchange({
          callbackParams: callback({
            error: 'invalid_claims',
            error_description: 'secret-ish text',
            state: 'state-1',
            iss: ISSUER,
          }),
        }),
        'authorization_error',
      )
      expect(err.error).toBe('invalid_claims')
      expect(err.message).not.toContain('secret-ish')
    })

    it('accepts a callback without iss when discovery does not advertise it', async () => {
      h.up.on('GET', `${ISSUER}/.well-known/openid-configuration`, () =>
        json(discoveryDocument({ authorization_response_iss_parameter_supported: false })),
      )
      const body = await tokenResponse()
      h.up.on('POST', TOKEN, body)
      const result = await exchange({ callbackParams: callback({ code: 'c', state: 'state-1' }) })
      expect(result.sub).toBe('user-1')
    })
  })

  describe('token response defects', () => {
    it('maps a 400 invalid_grant to token_request_failed and does not retry', async () => {
      h.up.on('POST', TOKEN, () =>
        json({ error: 'invalid_grant', error_description: 'grant request is invalid' }, 400),
      )
      const err = await expectCode(exchange(), 'token_request_failed')
      expect(err.error).toBe('invalid_grant')
      expect(err.status).toBe(400)
      expect(h.up.callsTo(TOKEN)).toHaveLength(1)
    })

    it('never re-sends the code after a 503', async () => {
      h.up.on('POST', TOKEN, () => json({ error: 'server_error' }, 503))
      await expectCode(exchange(), 'upstream_unavailable')
      expect(h.up.callsTo(TOKEN)).toHaveLength(1)
    })

    it('rejects a 200 that is not JSON', async () => {
      h.up.on(
        'POST',
        TOKEN,
        () => new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } }),
      )
      await expectCode(exchange(), 'invalid_upstream_response')
    })

    it('rejects a 200 with malformed JSON', async () => {
      h.up.on(
        'POST',
        TOKEN,
        () =>
          new Response('{"access_token":', {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
      )
      await expectCode(exchange(), 'invalid_upstream_response')
    })

    it('rejects a token response with a wrongly typed field', async () => {
      h.up.on('POST', TOKEN, () => json({ access_token: 42, token_type: 'Bearer', id_token: 'x' }))
      await expectCode(exchange(), 'invalid_upstream_response')
    })

    it('rejects a token type other than Bearer', async () => {
      h.up.on('POST', TOKEN, () => json({ access_token: 'a', token_type: 'mac', id_token: 'x' }))
      await expectCode(exchange(), 'invalid_upstream_response')
    })

    it('rejects a token response without an ID token', async () => {
      h.up.on('POST', TOKEN, () => json({ access_token: 'a', token_type: 'bearer' }))
      await expectCode(exchange(), 'invalid_id_token')
    })
  })

  describe('ID token defects', () => {
    const nowS = () => Math.floor(h.clock.now / 1000)
    const defects: Array<[string, () => Promise<() => Response>]> = [
      ['a different iss', () => tokenResponse({ iss: 'https://evil.test/oidc' })],
      ['no iss', () => tokenResponse({}, { omit: ['iss'] })],
      ['a different aud', () => tokenResponse({ aud: 'someone-else' })],
      ['no aud', () => tokenResponse({}, { omit: ['aud'] })],
      ['several audiences and no azp', () => tokenResponse({ aud: [CLIENT_ID, 'other'] })],
      ['an azp of another client', () => tokenResponse({ azp: 'other' })],
      ['an exp in the past', () => tokenResponse({ exp: nowS() - 120 })],
      ['no exp', () => tokenResponse({}, { omit: ['exp'] })],
      ['an iat in the future', () => tokenResponse({ iat: nowS() + 600 })],
      ['an iat older than an hour', () => tokenResponse({ iat: nowS() - 7200 })],
      ['no iat', () => tokenResponse({}, { omit: ['iat'] })],
      ['a different nonce', () => tokenResponse({ nonce: 'other' })],
      ['no nonce', () => tokenResponse({}, { omit: ['nonce'] })],
      ['no sub', () => tokenResponse({}, { omit: ['sub'] })],
      ['a sub other than the requested user', () => tokenResponse({ sub: 'user-2' })],
      ['no mh:con_id although requested', () => tokenResponse({ 'mh:con_id': undefined })],
      [
        'a different alg (ES256 while RS256 is registered)',
        async () =>
          tokenResponse({}, { alg: 'ES256', key: (await generateKeyPair('ES256')).privateKey }),
      ],
    ]
    for (const [name, respond] of defects) {
      it(`rejects an ID token with ${name}`, async () => {
        const response = await respond()
        h.up.on('POST', TOKEN, response)
        await expectCode(
          exchange({ sub: 'user-1', expectedClaims: { connectionId: true } }),
          'invalid_id_token',
        )
        expect(h.up.callsTo(TOKEN)).toHaveLength(1)
      })
    }

    it('rejects an unsigned (alg none) ID token', async () => {
      const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
      const n = nowS()
      const unsigned = `${enc({ alg: 'none' })}.${enc({ iss: ISSUER, sub: 'user-1', aud: CLIENT_ID, iat: n, exp: n + 60, nonce: 'nonce-1' })}.`
      h.up.on('POST', TOKEN, () =>
        json({ access_token: 'a', token_type: 'Bearer', id_token: unsigned }),
      )
      await expectCode(exchange(), 'invalid_id_token')
    })

    it('rejects an ID token whose signature does not verify', async () => {
      const other = await generateKeyPair('RS256')
      const body = await tokenResponse({}, { key: other.privateKey })
      h.up.on('POST', TOKEN, body)
      await expectCode(exchange(), 'invalid_id_token')
    })

    it('refetches the JWKS once for an unknown kid, then fails', async () => {
      // Warm the JWKS cache with a good exchange, then move past the cooldown.
      const good = await tokenResponse()
      h.up.on('POST', TOKEN, good)
      await exchange()
      expect(h.up.callsTo(CERTS)).toHaveLength(1)
      h.clock.now += 31_000
      const rotated = await generateKeyPair('RS256')
      const bad = await tokenResponse({}, { kid: 'as-2', key: rotated.privateKey })
      h.up.on('POST', TOKEN, bad)
      await expectCode(exchange(), 'invalid_id_token')
      expect(h.up.callsTo(CERTS)).toHaveLength(2)
      // Within the cooldown an unknown kid does not trigger another fetch.
      await expectCode(exchange(), 'invalid_id_token')
      expect(h.up.callsTo(CERTS)).toHaveLength(2)
    })
  })

  it('rejects missing arguments with TypeError before any call', async () => {
    await expect(exchange({ codeVerifier: '' })).rejects.toBeInstanceOf(TypeError)
    await expect(exchange({ expectedState: '' })).rejects.toBeInstanceOf(TypeError)
    expect(h.up.callsTo(TOKEN)).toHaveLength(0)
  })
})
