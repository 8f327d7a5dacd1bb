import * as oauth from 'oauth4webapi'
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { approveConsent, MOCK_BANK_ID, SimAdminClient, startSimulator } from '../src/index'
import {
  call,
  clientToken,
  finish,
  pushSigned,
  startWithClient,
  type TestClient,
} from './oauth-client'

let t: TestClient
let userId: string

const aisClaims = { id_token: { sub: { essential: true }, 'mh:con_id': { essential: true } } }

beforeAll(async () => {
  t = await startWithClient()
  const flow = await pushSigned(t, { scope: `openid id:${MOCK_BANK_ID}`, claims: aisClaims })
  userId = (await finish(t, flow, await approveConsent(flow.authUrl))).claims.sub
})
afterAll(async () => {
  await t.sim.close()
})
beforeEach(async () => {
  await t.sim.admin.clearFaults()
  await t.sim.admin.resetCounters()
})

describe('fault injection', () => {
  it('fails a data route with the given status for the given number of requests', async () => {
    const token = await clientToken(t, 'accounts:read', userId)
    await t.sim.admin.fault({ route: 'GET /v3/accounts', status: 503, times: 1 })
    expect((await call(`${t.sim.apiUrl}/accounts`, token)).status).toBe(503)
    expect((await call(`${t.sim.apiUrl}/accounts`, token)).status).toBe(200)
  })

  it('answers 429 with Retry-After', async () => {
    const token = await clientToken(t, 'accounts:read', userId)
    await t.sim.admin.fault({ route: 'GET /v3/accounts', retryAfter: 3, times: 1 })
    const limited = await call(`${t.sim.apiUrl}/accounts`, token)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('3')
  })

  it('answers a malformed JSON body', async () => {
    const token = await clientToken(t, 'accounts:read', userId)
    await t.sim.admin.fault({ route: 'GET /v3/accounts', malformed: true, times: 1 })
    const response = await fetch(`${t.sim.apiUrl}/accounts`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(response.status).toBe(200)
    await expect(response.json()).rejects.toThrow()
  })

  it('delays a route before answering', async () => {
    const token = await clientToken(t, 'accounts:read', userId)
    await t.sim.admin.fault({ route: 'GET /v3/accounts', delayMs: 5000, times: 1 })
    const controller = new AbortController()
    let settled = false
    const delayed = fetch(`${t.sim.apiUrl}/accounts`, {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    }).then(
      () => (settled = true),
      () => undefined,
    )
    // Wait until the simulator has taken the delayed request, then show a second request
    // completing while the first is still held back.
    while ((await t.sim.admin.counters())['GET /v3/accounts'] !== 1) {
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect((await call(`${t.sim.apiUrl}/accounts`, token)).status).toBe(200)
    expect(settled).toBe(false)
    controller.abort()
    await delayed
  })

  it('fails one token grant type but not the others', async () => {
    await t.sim.admin.fault({ route: 'token:client_credentials', status: 500, times: 1 })
    const response = await oauth.clientCredentialsGrantRequest(
      t.as,
      t.client,
      t.auth,
      { scope: 'user:read' },
      t.options,
    )
    expect(response.status).toBe(500)
    expect(await clientToken(t, 'user:read')).toEqual(expect.any(String))
    const counters = await t.sim.admin.counters()
    expect(counters['token:client_credentials']).toBe(2)
  })

  it('fails PAR and counts it', async () => {
    await t.sim.admin.fault({ route: 'par', status: 503, times: 1 })
    await expect(
      pushSigned(t, { scope: `openid id:${MOCK_BANK_ID}`, claims: aisClaims }),
    ).rejects.toBeDefined()
    await pushSigned(t, { scope: `openid id:${MOCK_BANK_ID}`, claims: aisClaims })
    expect((await t.sim.admin.counters()).par).toBe(2)
  })

  it('fails an identity REST route', async () => {
    await t.sim.admin.fault({ route: 'GET /users/:id', status: 502 })
    const token = await clientToken(t, 'user:read')
    expect((await call(`${t.sim.identityUrl}/users/${userId}`, token)).status).toBe(502)
    await t.sim.admin.clearFaults()
    expect((await call(`${t.sim.identityUrl}/users/${userId}`, token)).status).toBe(200)
  })

  it('counts requests per route and resets', async () => {
    const token = await clientToken(t, 'accounts:read transactions:read:all', userId)
    await call(`${t.sim.apiUrl}/accounts`, token)
    await call(`${t.sim.apiUrl}/accounts`, token)
    await call(`${t.sim.apiUrl}/transactions`, token)
    const counters = await t.sim.admin.counters()
    expect(counters['GET /v3/accounts']).toBe(2)
    expect(counters['GET /v3/transactions']).toBe(1)
    expect(counters['token:client_credentials']).toBe(1)
    await t.sim.admin.resetCounters()
    expect(await t.sim.admin.counters()).toEqual({})
  })

  it('refuses a fault that is not well formed', async () => {
    await expect(t.sim.admin.fault({ route: '', status: 99 })).rejects.toThrow(/400/)
  })
})

describe('keys and grants', () => {
  it('rotates the signing keys: new ID tokens use a new kid and old tokens still verify', async () => {
    const jwks = createRemoteJWKSet(new URL(t.as.jwks_uri ?? ''))
    const before = await pushSigned(t, { scope: `openid id:${MOCK_BANK_ID}`, claims: aisClaims })
    const first = await finish(t, before, await approveConsent(before.authUrl))
    const oldKid = decodeProtectedHeader(first.tokens.id_token ?? '').kid

    await t.sim.admin.rotateKeys()
    const after = await pushSigned(t, { scope: `openid id:${MOCK_BANK_ID}`, claims: aisClaims })
    const second = await finish(t, after, await approveConsent(after.authUrl))
    const newKid = decodeProtectedHeader(second.tokens.id_token ?? '').kid
    expect(newKid).not.toBe(oldKid)

    const fresh = createRemoteJWKSet(new URL(t.as.jwks_uri ?? ''))
    await expect(
      jwtVerify(second.tokens.id_token ?? '', fresh, { issuer: t.sim.issuer }),
    ).resolves.toBeDefined()
    await expect(
      jwtVerify(first.tokens.id_token ?? '', fresh, { issuer: t.sim.issuer }),
    ).resolves.toBeDefined()
    expect(jwks).toBeDefined()
  })

  it('revokes every grant of a user: their code-exchange tokens stop working', async () => {
    const flow = await pushSigned(t, {
      scope: `openid offline_access id:${MOCK_BANK_ID} accounts:read`,
      claims: aisClaims,
    })
    const { tokens, claims } = await finish(t, flow, await approveConsent(flow.authUrl))
    expect((await call(`${t.sim.apiUrl}/accounts`, tokens.access_token)).status).toBe(200)
    expect(await t.sim.admin.revokeGrant({ sub: claims.sub })).toBe(1)
    expect((await call(`${t.sim.apiUrl}/accounts`, tokens.access_token)).status).toBe(401)
    const refresh = await oauth.refreshTokenGrantRequest(
      t.as,
      t.client,
      t.auth,
      tokens.refresh_token ?? '',
      t.options,
    )
    await expect(oauth.processRefreshTokenResponse(t.as, t.client, refresh)).rejects.toMatchObject({
      error: 'invalid_grant',
    })
  })
})

describe('admin switch', () => {
  it('has no admin API when started with admin: false', async () => {
    const sim = await startSimulator({ admin: false })
    try {
      const response = await fetch(`${sim.identityUrl}/__sim/counters`)
      expect(response.status).toBe(404)
      await expect(new SimAdminClient(sim.identityUrl).counters()).rejects.toThrow(/404/)
    } finally {
      await sim.close()
    }
  })
})
