import { MOCK_BANK_ID } from '@mhkit/sim'
import { claims, scopePresets } from '@mhkit/shared'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { MoneyhubError } from '../../src/moneyhub'
import { startHarness, type SimHarness } from './support'

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'resolved',
    (e: unknown) => (e instanceof MoneyhubError ? e.code : `other: ${String(e)}`),
  )
}

describe('simulator faults and concurrency', () => {
  let h: SimHarness
  let user: { sub: string; connectionId: string; refreshToken: string }
  beforeAll(async () => {
    h = await startHarness()
    const result = await h.authorise({
      scope: scopePresets.aisOngoing(MOCK_BANK_ID),
      claims: claims().sub().connectionId().build(),
      expectedClaims: { connectionId: true },
    })
    user = {
      sub: result.sub,
      connectionId: result.connectionId ?? '',
      refreshToken: result.tokens.refreshToken ?? '',
    }
  })
  afterEach(async () => {
    await h.sim.admin.clearFaults()
  })
  afterAll(async () => {
    await h.close()
  })

  it('sends ONE token request for 200 concurrent cold tokenForUser calls', async () => {
    const client = h.makeClient()
    await client.discovery()
    await h.sim.admin.resetCounters()
    const tokens = await Promise.all(
      Array.from({ length: 200 }, () => client.tokenForUser(user.sub, ['accounts:read'])),
    )
    expect(new Set(tokens.map((t) => t.accessToken)).size).toBe(1)
    expect((await h.sim.admin.counters())['token:client_credentials']).toBe(1)
  })

  it('needs at most one token request for 100 data calls for one user', async () => {
    const client = h.makeClient()
    await h.sim.admin.resetCounters()
    for (let i = 0; i < 100; i++) await client.getAccounts(user.sub, { limit: 1 })
    const counters = await h.sim.admin.counters()
    expect(counters['token:client_credentials']).toBe(1)
    expect(counters['GET /v3/accounts']).toBe(100)
  })

  it('times out a slow data call', async () => {
    const client = h.makeClient({ timeouts: { data: 100 } })
    await client.tokenForUser(user.sub, ['accounts:read'])
    await h.sim.admin.fault({ route: 'GET /v3/accounts', delayMs: 1000, times: 1 })
    expect(await codeOf(client.getAccounts(user.sub))).toBe('upstream_timeout')
  })

  it('retries a 429 with a short Retry-After and succeeds', async () => {
    await h.sim.admin.resetCounters()
    await h.sim.admin.fault({ route: 'GET /v3/accounts', retryAfter: 1, times: 1 })
    await expect(h.mh.getAccounts(user.sub)).resolves.toMatchObject({
      data: expect.any(Array) as unknown,
    })
    expect((await h.sim.admin.counters())['GET /v3/accounts']).toBe(2)
  })

  it('fails fast with rate_limited when Retry-After is long', async () => {
    await h.sim.admin.fault({ route: 'GET /v3/accounts', retryAfter: 120, times: 1 })
    const err = await h.mh.getAccounts(user.sub).catch((e: unknown) => e)
    expect((err as MoneyhubError).code).toBe('rate_limited')
    expect((err as MoneyhubError).retryAfter).toBe(120)
  })

  it('maps a 500 to upstream_error without retrying', async () => {
    await h.sim.admin.resetCounters()
    await h.sim.admin.fault({ route: 'GET /v3/transactions', status: 500, times: 1 })
    expect(await codeOf(h.mh.getTransactions(user.sub))).toBe('upstream_error')
    expect((await h.sim.admin.counters())['GET /v3/transactions']).toBe(1)
  })

  it('rejects malformed JSON with invalid_upstream_response', async () => {
    await h.sim.admin.fault({ route: 'GET /v3/accounts', malformed: true, times: 1 })
    expect(await codeOf(h.mh.getAccounts(user.sub))).toBe('invalid_upstream_response')
  })

  it('fails PAR with par_failed when the PAR endpoint errors', async () => {
    await h.sim.admin.fault({ route: 'par', status: 500, times: 1 })
    expect(
      await codeOf(
        h.authorise({
          scope: scopePresets.aisOngoing(MOCK_BANK_ID),
          claims: claims().sub().connectionId().build(),
        }),
      ),
    ).toBe('par_failed')
  })

  it('follows an identity key rotation (one JWKS refetch for the new kid)', async () => {
    const client = h.makeClient({ jwksCooldownMs: 0 })
    await client.ready() // caches the current JWKS
    await h.sim.admin.rotateKeys()
    await h.sim.admin.resetCounters()
    const result = await h.authorise({
      client,
      scope: scopePresets.aisOngoing(MOCK_BANK_ID),
      claims: claims().sub().connectionId().build(),
      expectedClaims: { connectionId: true },
    })
    expect(result.connectionId).toBeTypeOf('string')
    expect((await h.sim.admin.counters()).jwks).toBe(1)
  })

  it('maps a refresh of a revoked grant to reauth_required', async () => {
    // A fresh client: the shared one has cached the JWKS from before the key rotation test.
    const client = h.makeClient()
    const extra = await h.authorise({
      client,
      scope: scopePresets.aisOngoing(MOCK_BANK_ID),
      claims: claims().sub().connectionId().build(),
    })
    expect(await h.sim.admin.revokeGrant({ sub: extra.sub })).toBeGreaterThan(0)
    expect(
      await codeOf(h.mh.refreshToken(extra.tokens.refreshToken ?? '', { sub: extra.sub })),
    ).toBe('reauth_required')
  })

  it('maps an expired consent to consent_expired', async () => {
    await h.sim.admin.expireConsent(user.connectionId)
    expect(await codeOf(h.mh.getAccounts(user.sub))).toBe('consent_expired')
    expect(await codeOf(h.mh.syncConnection(user.sub, user.connectionId))).toBe('consent_expired')
  })
})
