/**
 * A key registered at Moneyhub under its own `kid` (the admin portal's, or what Moneyhub's
 * Node client sends as is) must sign under that `kid`: the identity service looks the
 * assertion's key up by it, so any other `kid` fails every call with `invalid_client`.
 */
import { startSimulator, type RunningSimulator } from '@mhkit/sim'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  createMoneyhubClient,
  generateClientKey,
  loadClientKeys,
  type MoneyhubClient,
} from '../../src/moneyhub'

const CLIENT_ID = 'registered-kid'
const REDIRECT_URI = 'http://127.0.0.1:5173/api/callback'
const KID = 'portal-key-2024-01'

describe('a client key with its own registered kid', () => {
  let sim: RunningSimulator
  let mh: MoneyhubClient
  beforeAll(async () => {
    const { kid: _thumbprint, ...generated } = await generateClientKey('PS256')
    const privateJwk = { ...generated, kid: KID }
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk
    sim = await startSimulator({
      clients: [
        { client_id: CLIENT_ID, jwks: { keys: [publicJwk] }, redirect_uris: [REDIRECT_URI] },
      ],
    })
    // As server.ts loads MONEYHUB_PRIVATE_KEY: the JWK text alone, no separate key id.
    const keys = await loadClientKeys({ jwk: JSON.stringify(privateJwk) })
    mh = createMoneyhubClient({
      issuer: sim.issuer,
      clientId: CLIENT_ID,
      redirectUri: REDIRECT_URI,
      keys,
      apiUrl: sim.apiUrl,
      identityUrl: sim.identityUrl,
      allowInsecureLoopback: true,
      idTokenAlg: 'PS256',
      retry: { sleep: () => Promise.resolve() },
    })
  })
  afterAll(async () => {
    await sim.close()
  })

  it('authenticates at the token endpoint with private_key_jwt under that kid', async () => {
    const token = await mh.clientToken(['user:read'])
    expect(token.accessToken.length).toBeGreaterThan(0)
    expect((await sim.admin.counters())['token:client_credentials']).toBe(1)
  })

  it('publishes the same kid in its public JWKS', () => {
    expect(mh.publicJwks().keys.map((k) => k.kid)).toEqual([KID])
  })
})
