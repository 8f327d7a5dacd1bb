import { describe, expect, it } from 'vitest'
import { MoneyhubError } from './errors'
import { ISSUER, discoveryDocument, harness, json } from '../../test/support/moneyhub-harness'

const WELL_KNOWN = `${ISSUER}/.well-known/openid-configuration`

async function code(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (e: unknown) => (e instanceof MoneyhubError ? e.code : `not a MoneyhubError: ${String(e)}`),
  )
}

describe('discovery', () => {
  it('caches the document and fetches it once for concurrent callers', async () => {
    const h = await harness()
    await Promise.all([h.client.discovery(), h.client.discovery(), h.client.discovery()])
    await h.client.discovery()
    expect(h.up.callsTo(WELL_KNOWN)).toHaveLength(1)
  })

  it('refetches after the TTL', async () => {
    const h = await harness({ discoveryTtlMs: 1000 })
    await h.client.discovery()
    h.clock.now += 1001
    await h.client.discovery()
    expect(h.up.callsTo(WELL_KNOWN)).toHaveLength(2)
  })

  it('refuses a document whose issuer differs and makes no further call', async () => {
    const h = await harness()
    h.up.on('GET', WELL_KNOWN, () => json(discoveryDocument({ issuer: 'https://evil.test/oidc' })))
    expect(
      await code(
        h.client.pushedAuthorisationRequest({
          scope: 'openid',
          state: 's',
          nonce: 'n',
          codeVerifier: 'v'.repeat(43),
        }),
      ),
    ).toBe('issuer_mismatch')
    expect(h.up.calls.map((c) => c.url)).toEqual([WELL_KNOWN])
  })

  it('refuses an issuer with a trailing slash difference', async () => {
    const h = await harness()
    h.up.on('GET', WELL_KNOWN, () => json(discoveryDocument({ issuer: `${ISSUER}/` })))
    expect(await code(h.client.discovery())).toBe('issuer_mismatch')
  })

  it('refuses an http token endpoint', async () => {
    const h = await harness()
    h.up.on('GET', WELL_KNOWN, () =>
      json(discoveryDocument({ token_endpoint: 'http://identity.test/oidc/token' })),
    )
    expect(await code(h.client.discovery())).toBe('discovery_failed')
  })

  it('refuses a document without a PAR endpoint', async () => {
    const h = await harness()
    h.up.on('GET', WELL_KNOWN, () =>
      json(discoveryDocument({ pushed_authorization_request_endpoint: undefined })),
    )
    expect(await code(h.client.discovery())).toBe('discovery_failed')
  })

  it('fails with discovery_failed on a 404 and does not cache the failure', async () => {
    const h = await harness()
    h.up
      .once('GET', WELL_KNOWN, () => json({}, 404))
      .once('GET', WELL_KNOWN, () => json(discoveryDocument()))
    expect(await code(h.client.discovery())).toBe('discovery_failed')
    await expect(h.client.discovery()).resolves.toMatchObject({ issuer: ISSUER })
  })

  it('fails with discovery_failed on HTML', async () => {
    const h = await harness()
    h.up.on(
      'GET',
      WELL_KNOWN,
      () => new Response('<html>', { headers: { 'content-type': 'text/html' } }),
    )
    expect(await code(h.client.discovery())).toBe('discovery_failed')
  })

  it('retries a 503 (a GET) and then succeeds', async () => {
    const h = await harness()
    h.up
      .once('GET', WELL_KNOWN, () => json({}, 503))
      .once('GET', WELL_KNOWN, () => json(discoveryDocument()))
    await h.client.discovery()
    expect(h.up.callsTo(WELL_KNOWN)).toHaveLength(2)
    expect(h.sleeps).toHaveLength(1)
  })

  it('reports readiness for discovery and JWKS', async () => {
    const h = await harness()
    await expect(h.client.ready()).resolves.toEqual({ discovery: true, jwks: true })
    h.up.on('GET', `${ISSUER}/certs`, () => json({}, 500))
    const fresh = h.makeClient()
    await expect(fresh.ready()).resolves.toEqual({ discovery: true, jwks: false })
  })

  it('refuses an http issuer unless loopback is explicitly allowed', async () => {
    const h = await harness()
    expect(() => h.makeClient({ issuer: 'http://identity.test/oidc' })).toThrow(TypeError)
    expect(() => h.makeClient({ issuer: 'http://127.0.0.1:9/oidc' })).toThrow(TypeError)
    expect(() =>
      h.makeClient({
        issuer: 'http://127.0.0.1:9/oidc',
        apiUrl: 'http://127.0.0.1:9/v3',
        allowInsecureLoopback: true,
      }),
    ).not.toThrow()
    expect(() =>
      h.makeClient({ issuer: 'http://identity.test/oidc', allowInsecureLoopback: true }),
    ).toThrow(TypeError)
  })
})
