import * as oauth from 'oauth4webapi'
import { decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose'
import { afterEach, describe, expect, it } from 'vitest'

import { approveConsent, MOCK_BANK_ID, type SimClient } from '../src/index'
import { createJwksServer, type JwksServer } from './jwks-server'
import { call, finish, pushSigned, startWithClient, type TestClient } from './oauth-client'

// Clients registered by jwks_uri (how Moneyhub registers them, and the kit's `pnpm dev` setup):
// the simulator must fetch the keys over loopback, tolerate a key server that starts late, and
// pick up rotated keys.

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** Start a simulator whose only client is registered with `uri` and no inline keys. */
async function startWithJwksUri(
  jwks: JwksServer,
  uri: string,
  overrides: Partial<SimClient> = {},
): Promise<TestClient> {
  const t = await startWithClient({ jwks: undefined, jwks_uri: uri, ...overrides })
  cleanups.push(() => t.sim.close())
  jwks.setKeys([t.publicJwk])
  return t
}

async function jwksServer(host: string): Promise<JwksServer> {
  const jwks = await createJwksServer(host)
  cleanups.push(() => jwks.stop())
  return jwks
}

/** One private_key_jwt client authentication (a client_credentials grant); status and error. */
async function authenticate(t: TestClient): Promise<{ status: number; error?: string }> {
  const response = await oauth.clientCredentialsGrantRequest(
    t.as,
    t.client,
    t.auth,
    { scope: 'user:read' },
    t.options,
  )
  const body = (await response.json()) as { error?: string }
  return { status: response.status, ...(body.error ? { error: body.error } : {}) }
}

const aisScope = `openid id:${MOCK_BANK_ID} accounts:read transactions:read:all`
const aisClaims = { id_token: { sub: { essential: true }, 'mh:con_id': { essential: true } } }

describe('client registered with jwks_uri', () => {
  // PS256 is what `pnpm dev` registers for the BFF; RS256 is the BFF's own default.
  it.each(['PS256', 'RS256'] as const)(
    'completes the AIS flow with private_key_jwt, keys from the jwks_uri and %s ID tokens',
    async (idTokenAlg) => {
      const jwks = await jwksServer('127.0.0.1')
      await jwks.start()
      const t = await startWithJwksUri(jwks, jwks.uri(), {
        id_token_signed_response_alg: idTokenAlg,
      })
      expect(jwks.fetches).toBe(0) // lazily, at first authentication

      const flow = await pushSigned(t, { scope: aisScope, claims: aisClaims })
      const callback = await approveConsent(flow.authUrl)
      const { tokens, claims } = await finish(t, flow, callback)

      expect(decodeProtectedHeader(tokens.id_token ?? '').alg).toBe(idTokenAlg)
      expect(claims['mh:con_id']).toMatch(new RegExp(`^${MOCK_BANK_ID}:`))
      expect((await call(`${t.sim.apiUrl}/accounts`, tokens.access_token)).status).toBe(200)
      expect(jwks.fetches).toBeGreaterThanOrEqual(1)
    },
  )

  it('fetches keys from a server that starts after the simulator, without a restart', async () => {
    const jwks = await jwksServer('127.0.0.1')
    const t = await startWithJwksUri(jwks, jwks.uri())

    expect(await authenticate(t)).toEqual({ status: 401, error: 'invalid_client' })

    await jwks.start()
    expect(await authenticate(t)).toEqual({ status: 200 })
    expect(jwks.fetches).toBe(1)
  })

  it('fetches again after the key server answered an error status', async () => {
    const jwks = await jwksServer('127.0.0.1')
    await jwks.start()
    const t = await startWithJwksUri(jwks, jwks.uri())
    jwks.setStatus(503)

    // oidc-provider would keep this failed answer for 60 s; the simulator forgets it.
    expect(await authenticate(t)).toEqual({ status: 401, error: 'invalid_client' })

    jwks.setStatus(200)
    expect(await authenticate(t)).toEqual({ status: 200 })
    expect(jwks.fetches).toBe(2)
  })

  it('fetches again when the served key set lacked the client key', async () => {
    const jwks = await jwksServer('127.0.0.1')
    await jwks.start()
    const t = await startWithJwksUri(jwks, jwks.uri())
    jwks.setKeys([])

    expect(await authenticate(t)).toEqual({ status: 401, error: 'invalid_client' })

    jwks.setKeys([t.publicJwk])
    expect(await authenticate(t)).toEqual({ status: 200 })
    expect(jwks.fetches).toBe(2)
  })

  it('picks up a key rotated at the jwks_uri after a failed authentication', async () => {
    const jwks = await jwksServer('127.0.0.1')
    await jwks.start()
    const t = await startWithJwksUri(jwks, jwks.uri())
    expect(await authenticate(t)).toEqual({ status: 200 })

    const rotated = await generateKeyPair('PS256', { extractable: true })
    const kid = 'rotated-PS256'
    jwks.setKeys([{ ...(await exportJWK(rotated.publicKey)), kid, alg: 'PS256', use: 'sig' }])
    const next: TestClient = { ...t, auth: oauth.PrivateKeyJwt({ key: rotated.privateKey, kid }) }

    // The cached key set is still fresh (oidc-provider refetches at most once a minute), so the
    // first assertion with the new kid fails; the simulator then forgets the cached set and the
    // retry fetches the rotated key.
    expect(await authenticate(next)).toEqual({ status: 401, error: 'invalid_client' })
    expect(await authenticate(next)).toEqual({ status: 200 })
    expect(jwks.fetches).toBe(2)
    // The old key is gone from the jwks_uri, so it no longer authenticates.
    expect(await authenticate(t)).toEqual({ status: 401, error: 'invalid_client' })
  })

  it('fetches from a key server bound to localhost', async () => {
    const jwks = await jwksServer('localhost')
    await jwks.start()
    const t = await startWithJwksUri(jwks, jwks.uri('localhost'))

    expect(await authenticate(t)).toEqual({ status: 200 })
    expect(jwks.fetches).toBe(1)
  })

  it('fetches from a key server on 127.0.0.1 registered as localhost (the dev setup)', async () => {
    const jwks = await jwksServer('127.0.0.1')
    await jwks.start()
    const t = await startWithJwksUri(jwks, jwks.uri('localhost'))

    expect(await authenticate(t)).toEqual({ status: 200 })
    expect(jwks.fetches).toBe(1)
  })
})
