import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto'
import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { generateClientKey } from './client-key'
import { freePort } from './free-port'
import { simulatorServer } from './simulator-server'

describe('simulatorServer', () => {
  it('registers a client by jwks_uri on the chosen ports and tells the BFF where to go', () => {
    const sim = simulatorServer({
      identityPort: 5001,
      apiPort: 5002,
      client: {
        clientId: 'my-app',
        redirectUri: 'http://localhost:4173/api/callback',
        jwksUri: 'http://127.0.0.1:8787/.well-known/jwks.json',
      },
    })
    expect(sim.webServer.url).toBe('http://127.0.0.1:5001/oidc/.well-known/openid-configuration')
    expect(sim.webServer.command).toMatch(/main\.js"$/)
    expect(sim.webServer.env).toMatchObject({
      SIM_HOST: '127.0.0.1',
      SIM_IDENTITY_PORT: '5001',
      SIM_API_PORT: '5002',
      SIM_CLIENT_ID: 'my-app',
      SIM_CLIENT_JWKS_URI: 'http://127.0.0.1:8787/.well-known/jwks.json',
      SIM_REDIRECT_URIS: 'http://localhost:4173/api/callback',
      SIM_ID_TOKEN_ALG: 'RS256',
    })
    expect(sim.bffEnv).toEqual({
      MONEYHUB_ISSUER: 'http://127.0.0.1:5001/oidc',
      MONEYHUB_API_URL: 'http://127.0.0.1:5002/v3',
      MONEYHUB_IDENTITY_URL: 'http://127.0.0.1:5001',
      MONEYHUB_CLIENT_ID: 'my-app',
      MONEYHUB_ID_TOKEN_ALG: 'RS256',
    })
    expect(sim.use).toEqual({ simulatorUrl: 'http://127.0.0.1:5001' })
  })

  it('registers inline public keys through a clients file the simulator reads', () => {
    const key = generateClientKey()
    const sim = simulatorServer({
      client: { redirectUri: 'http://localhost:5173/api/callback', publicJwks: key.publicJwks },
    })
    expect(sim.webServer.env.SIM_CLIENT_JWKS_URI).toBeUndefined()
    const file = sim.webServer.env.SIM_CLIENTS_FILE ?? ''
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual([
      {
        client_id: 'mhkit-dev',
        jwks: key.publicJwks,
        redirect_uris: ['http://localhost:5173/api/callback'],
        token_endpoint_auth_method: 'private_key_jwt',
        request_object_signing_alg: 'PS256',
        id_token_signed_response_alg: 'RS256',
      },
    ])
    // No port given: a free one, kept in the environment so Playwright's workers agree.
    const port = Number(process.env.MHKIT_SIM_IDENTITY_PORT)
    expect(port).toBeGreaterThan(0)
    expect(sim.urls.issuer).toBe(`http://127.0.0.1:${port}/oidc`)
    expect(simulatorServer({ client: { redirectUri: 'x', jwksUri: 'y' } }).urls).toEqual(sim.urls)
  })
})

describe('generateClientKey', () => {
  it('makes a PS256 key pair whose public half verifies what the private half signs', () => {
    const key = generateClientKey()
    const priv = JSON.parse(key.privateJwk) as Record<string, string>
    expect(priv).toMatchObject({ kty: 'RSA', alg: 'PS256', use: 'sig', kid: key.kid })
    const [pub] = key.publicJwks.keys
    expect(pub?.d).toBeUndefined()
    expect(pub?.kid).toBe(key.kid)
    const data = Buffer.from('assertion')
    const pss = { padding: 6, saltLength: 32 } // RSA_PKCS1_PSS_PADDING, as PS256 signs
    const signature = sign('sha256', data, {
      key: createPrivateKey({ key: priv, format: 'jwk' }),
      ...pss,
    })
    const publicKey = createPublicKey({ key: pub as Record<string, string>, format: 'jwk' })
    expect(verify('sha256', data, { key: publicKey, ...pss }, signature)).toBe(true)
  })

  it('gives every call a new key', () => {
    expect(generateClientKey().kid).not.toBe(generateClientKey().kid)
  })
})

describe('freePort', () => {
  it('keeps what it found in the named variable, and a value set there wins', () => {
    delete process.env.MHKIT_TEST_PORT
    const port = freePort('MHKIT_TEST_PORT')
    expect(process.env.MHKIT_TEST_PORT).toBe(String(port))
    expect(freePort('MHKIT_TEST_PORT')).toBe(port)
    process.env.MHKIT_TEST_PORT = '4321'
    expect(freePort('MHKIT_TEST_PORT')).toBe(4321)
    process.env.MHKIT_TEST_PORT = 'eighty'
    expect(() => freePort('MHKIT_TEST_PORT')).toThrow('MHKIT_TEST_PORT must be a port number')
    delete process.env.MHKIT_TEST_PORT
  })
})
