import * as oauth from 'oauth4webapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { approveConsent, MOCK_BANK_ID } from '../src/index'
import {
  finish,
  pushSigned,
  startWithClient,
  type StartedFlow,
  type TestClient,
} from './oauth-client'

const claims = { id_token: { sub: { essential: true }, 'mh:con_id': { essential: true } } }

function unsigned(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${encode({ alg: 'none', typ: 'oauth-authz-req+jwt' })}.${encode(payload)}.`
}

async function flowParams(t: TestClient, scope: string) {
  const state = oauth.generateRandomState()
  const nonce = oauth.generateRandomNonce()
  const verifier = oauth.generateRandomCodeVerifier()
  return {
    flow: { authUrl: '', state, nonce, verifier } satisfies StartedFlow,
    params: {
      client_id: t.client.client_id,
      response_type: 'code',
      redirect_uri: t.redirectUri,
      scope,
      state,
      nonce,
      prompt: 'consent',
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    },
  }
}

describe('a client with request-object alg none', () => {
  let t: TestClient
  beforeAll(async () => {
    t = await startWithClient({
      request_object_signing_alg: 'none',
      client_secret: 'a-long-dev-secret-value',
      token_endpoint_auth_method: 'client_secret_basic',
    })
  })
  afterAll(async () => {
    await t.sim.close()
  })

  it('pushes individual parameters with claims as a JSON string (client_secret_basic)', async () => {
    const { flow, params } = await flowParams(t, `openid id:${MOCK_BANK_ID}`)
    const response = await oauth.pushedAuthorizationRequest(
      t.as,
      t.client,
      t.auth,
      { ...params, claims: JSON.stringify(claims) },
      t.options,
    )
    const pushed = await oauth.processPushedAuthorizationResponse(t.as, t.client, response)
    expect(pushed.request_uri).toMatch(/^urn:ietf:params:oauth:request_uri:.+/)
    expect(pushed.expires_in).toBe(60)
    flow.authUrl = `${t.as.authorization_endpoint ?? ''}?request_uri=${pushed.request_uri}`
    const { claims: idClaims } = await finish(t, flow, await approveConsent(flow.authUrl))
    expect(idClaims['mh:con_id']).toBeDefined()
  })

  it('pushes an unsigned request object', async () => {
    const { flow, params } = await flowParams(t, `openid id:${MOCK_BANK_ID}`)
    const request = unsigned({ ...params, claims, iss: t.client.client_id, aud: t.sim.issuer })
    const response = await oauth.pushedAuthorizationRequest(
      t.as,
      t.client,
      t.auth,
      { request },
      t.options,
    )
    const pushed = await oauth.processPushedAuthorizationResponse(t.as, t.client, response)
    flow.authUrl = `${t.as.authorization_endpoint ?? ''}?request_uri=${pushed.request_uri}`
    const { claims: idClaims } = await finish(t, flow, await approveConsent(flow.authUrl))
    expect(idClaims.sub).toMatch(/^[0-9a-f]{24}$/)
  })

  it('accepts inline parameters on /auth with claims as a URL-encoded JSON string', async () => {
    const { flow, params } = await flowParams(t, `openid id:${MOCK_BANK_ID}`)
    const url = new URL(t.as.authorization_endpoint ?? '')
    for (const [key, value] of Object.entries({ ...params, claims: JSON.stringify(claims) })) {
      url.searchParams.set(key, value)
    }
    flow.authUrl = url.href
    const { claims: idClaims } = await finish(t, flow, await approveConsent(url.href))
    expect(idClaims['mh:con_id']).toBeDefined()
  })

  it('accepts an unsigned request object by value on /auth', async () => {
    const { flow, params } = await flowParams(t, `openid id:${MOCK_BANK_ID}`)
    const url = new URL(t.as.authorization_endpoint ?? '')
    url.searchParams.set('client_id', t.client.client_id)
    url.searchParams.set('request', unsigned({ ...params, claims }))
    flow.authUrl = url.href
    const { claims: idClaims } = await finish(t, flow, await approveConsent(url.href))
    expect(idClaims['mh:con_id']).toBeDefined()
  })
})

describe('a client that signs request objects', () => {
  let t: TestClient
  beforeAll(async () => {
    t = await startWithClient({}, { parTtlSeconds: 30 })
  })
  afterAll(async () => {
    await t.sim.close()
  })

  async function pushError(params: Record<string, string>): Promise<unknown> {
    const response = await oauth.pushedAuthorizationRequest(
      t.as,
      t.client,
      t.auth,
      params,
      t.options,
    )
    return oauth.processPushedAuthorizationResponse(t.as, t.client, response).then(
      () => undefined,
      (error: unknown) => error,
    )
  }

  it('reports the configured PAR lifetime', async () => {
    const { params } = await flowParams(t, `openid id:${MOCK_BANK_ID}`)
    const request = await oauth.issueRequestObject(t.as, t.client, params, t.key)
    const response = await oauth.pushedAuthorizationRequest(
      t.as,
      t.client,
      t.auth,
      { request },
      t.options,
    )
    expect(
      (await oauth.processPushedAuthorizationResponse(t.as, t.client, response)).expires_in,
    ).toBe(30)
  })

  it('refuses plain parameters at PAR (a signed request object is mandatory)', async () => {
    const { params } = await flowParams(t, `openid id:${MOCK_BANK_ID}`)
    expect(await pushError(params)).toMatchObject({ error: 'invalid_request' })
  })

  it('refuses an unsigned request object', async () => {
    const { params } = await flowParams(t, `openid id:${MOCK_BANK_ID}`)
    expect(await pushError({ request: unsigned(params) })).toBeDefined()
  })

  it.each([
    ['two id: scopes', 'openid id:test id:api'],
    ['reauth with a data scope', 'openid reauth accounts:read'],
  ])('refuses %s with invalid_scope', async (_name, scope) => {
    await expect(pushSigned(t, { scope, claims })).rejects.toMatchObject({ error: 'invalid_scope' })
  })

  it('refuses a request without openid', async () => {
    // oidc-provider itself refuses the claims parameter and nonce without openid.
    await expect(pushSigned(t, { scope: `id:${MOCK_BANK_ID}`, claims })).rejects.toMatchObject({
      error: 'invalid_request',
    })
  })

  it('refuses a malformed consent claim with invalid_request', async () => {
    await expect(
      pushSigned(t, {
        scope: `openid id:${MOCK_BANK_ID}`,
        claims: {
          id_token: {
            ...claims.id_token,
            'mh:consent': { essential: true, value: { expirationDateTime: 'soon' } },
          },
        },
      }),
    ).rejects.toMatchObject({ error: 'invalid_request' })
  })

  it('accepts a signed request object by value on /auth', async () => {
    const { flow, params } = await flowParams(t, `openid id:${MOCK_BANK_ID}`)
    const request = await oauth.issueRequestObject(
      t.as,
      t.client,
      { ...params, claims: JSON.stringify(claims) },
      t.key,
    )
    const url = new URL(t.as.authorization_endpoint ?? '')
    url.searchParams.set('client_id', t.client.client_id)
    url.searchParams.set('request', request)
    flow.authUrl = url.href
    const { claims: idClaims } = await finish(t, flow, await approveConsent(url.href))
    expect(idClaims['mh:con_id']).toBeDefined()
  })

  it('refuses an unknown client_id next to the request_uri', async () => {
    const flow = await pushSigned(t, { scope: `openid id:${MOCK_BANK_ID}`, claims })
    const url = new URL(flow.authUrl)
    url.searchParams.set('client_id', 'someone-else')
    await expect(approveConsent(url.href)).rejects.toThrow(/invalid_client|invalid_request/)
  })
})

describe('hybrid response type', () => {
  it('returns code and a front-channel ID token with c_hash in the fragment', async () => {
    const t = await startWithClient({
      // Moneyhub (and oidc-provider) require https redirect URIs for hybrid clients.
      redirect_uris: ['https://app.example.test/api/callback'],
      response_types: ['code id_token', 'code'],
      grant_types: ['authorization_code', 'implicit', 'refresh_token', 'client_credentials'],
    })
    try {
      const { params } = await flowParams(t, `openid id:${MOCK_BANK_ID}`)
      const request = await oauth.issueRequestObject(
        t.as,
        t.client,
        {
          ...params,
          redirect_uri: 'https://app.example.test/api/callback',
          response_type: 'code id_token',
          claims: JSON.stringify(claims),
        },
        t.key,
      )
      const response = await oauth.pushedAuthorizationRequest(
        t.as,
        t.client,
        t.auth,
        { request },
        t.options,
      )
      const pushed = await oauth.processPushedAuthorizationResponse(t.as, t.client, response)
      const callback = new URL(
        await approveConsent(
          `${t.as.authorization_endpoint ?? ''}?request_uri=${pushed.request_uri}`,
        ),
      )
      const fragment = new URLSearchParams(callback.hash.slice(1))
      expect(fragment.get('code')).toBeTruthy()
      expect(fragment.get('state')).toBe(params.state)
      const idToken = fragment.get('id_token') ?? ''
      const payload = JSON.parse(
        Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString(),
      ) as {
        c_hash?: string
        nonce?: string
      }
      expect(typeof payload.c_hash).toBe('string')
      expect(payload.nonce).toBe(params.nonce)
    } finally {
      await t.sim.close()
    }
  })
})
