import { describe, expect, it } from 'vitest'

import { CliConfigError, readCliConfig } from './cli-config'

describe('readCliConfig', () => {
  it('registers the dev client mhkit-dev by jwks_uri with PS256 ID tokens by default', () => {
    const config = readCliConfig({})
    expect(config).toMatchObject({ host: '127.0.0.1', identityPort: 8790, apiPort: 8791 })
    expect(config.defaultClient).toEqual({
      client_id: 'mhkit-dev',
      jwks_uri: 'http://localhost:8787/.well-known/jwks.json',
      redirect_uris: ['http://localhost:5173/api/callback', 'http://127.0.0.1:5173/api/callback'],
      token_endpoint_auth_method: 'private_key_jwt',
      request_object_signing_alg: 'PS256',
      id_token_signed_response_alg: 'PS256',
    })
  })

  it('takes the ID-token alg from SIM_ID_TOKEN_ALG to match the BFF', () => {
    const config = readCliConfig({ SIM_ID_TOKEN_ALG: 'RS256' })
    expect(config.defaultClient?.id_token_signed_response_alg).toBe('RS256')
  })

  it('rejects an unsupported SIM_ID_TOKEN_ALG naming the variable', () => {
    expect(() => readCliConfig({ SIM_ID_TOKEN_ALG: 'HS256' })).toThrow(CliConfigError)
    expect(() => readCliConfig({ SIM_ID_TOKEN_ALG: 'HS256' })).toThrow(/SIM_ID_TOKEN_ALG/)
  })

  it('drops the default client when SIM_CLIENTS_FILE names the clients', () => {
    const config = readCliConfig({ SIM_CLIENTS_FILE: '/tmp/clients.json' })
    expect(config.defaultClient).toBeUndefined()
    expect(config.clientsFile).toBe('/tmp/clients.json')
  })

  it('splits and trims SIM_REDIRECT_URIS and rejects a malformed jwks_uri', () => {
    const config = readCliConfig({ SIM_REDIRECT_URIS: ' http://a.test/cb , ,http://b.test/cb' })
    expect(config.defaultClient?.redirect_uris).toEqual(['http://a.test/cb', 'http://b.test/cb'])
    expect(() => readCliConfig({ SIM_CLIENT_JWKS_URI: 'not a url' })).toThrow(/SIM_CLIENT_JWKS_URI/)
  })

  const TOKEN = 'sim-admin-token-0123456789abcdefghijklmnop'

  it.each(['127.0.0.1', '127.0.0.2', 'localhost', '::1'])('binds loopback SIM_HOST=%s', (host) => {
    expect(readCliConfig({ SIM_HOST: host })).toMatchObject({ host, allowRemote: false })
  })

  it.each(['0.0.0.0', '::', '192.168.1.20', 'sim.example.com'])(
    'refuses SIM_HOST=%s unless SIM_ALLOW_REMOTE=1',
    (host) => {
      expect(() => readCliConfig({ SIM_HOST: host })).toThrow(/SIM_HOST/)
      expect(() => readCliConfig({ SIM_HOST: host, SIM_ALLOW_REMOTE: 'yes' })).toThrow(
        /SIM_ALLOW_REMOTE/,
      )
    },
  )

  it('binds a non-loopback SIM_HOST with SIM_ALLOW_REMOTE=1 only with SIM_ADMIN_TOKEN', () => {
    const remote = { SIM_HOST: '0.0.0.0', SIM_ALLOW_REMOTE: '1' }
    expect(() => readCliConfig(remote)).toThrow(/SIM_ADMIN_TOKEN/)
    expect(readCliConfig({ ...remote, SIM_ADMIN_TOKEN: TOKEN })).toMatchObject({
      host: '0.0.0.0',
      allowRemote: true,
      adminToken: TOKEN,
    })
  })

  it('refuses a SIM_ADMIN_TOKEN shorter than 32 characters without echoing it', () => {
    let message = ''
    try {
      readCliConfig({ SIM_ADMIN_TOKEN: 'short-admin-token' })
    } catch (error) {
      message = error instanceof Error ? error.message : ''
    }
    expect(message).toMatch(/SIM_ADMIN_TOKEN/)
    expect(message).not.toContain('short-admin-token')
  })
})
