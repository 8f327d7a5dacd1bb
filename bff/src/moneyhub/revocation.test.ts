import { beforeEach, describe, expect, it } from 'vitest'
import type { MoneyhubError } from './errors'
import {
  ISSUER,
  discoveryDocument,
  harness,
  json,
  type Harness,
} from '../../test/support/moneyhub-harness'

const REVOKE = `${ISSUER}/token/revocation`
const DISCOVERY = `${ISSUER}/.well-known/openid-configuration`

describe('revokeToken', () => {
  let h: Harness
  beforeEach(async () => {
    h = await harness()
  })

  it('sends nothing when the provider advertises no revocation endpoint', async () => {
    await expect(h.client.revokeToken('rt-1', 'refresh_token')).resolves.toEqual({
      revoked: false,
    })
    expect(h.up.callsTo(REVOKE)).toHaveLength(0)
  })

  it('revokes a refresh token with private_key_jwt and the type hint', async () => {
    h.up.on('GET', DISCOVERY, () => json(discoveryDocument({ revocation_endpoint: REVOKE })))
    h.up.on('POST', REVOKE, () => new Response(null, { status: 200 }))
    await expect(h.client.revokeToken('rt-1', 'refresh_token')).resolves.toEqual({
      revoked: true,
    })
    const calls = h.up.callsTo(REVOKE)
    expect(calls).toHaveLength(1)
    const form = new URLSearchParams(calls[0]?.body)
    expect(form.get('token')).toBe('rt-1')
    expect(form.get('token_type_hint')).toBe('refresh_token')
    expect(form.get('client_assertion_type')).toBe(
      'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    )
    expect(form.get('client_assertion')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
  })

  it('maps a refusal to upstream_error without the token in the error', async () => {
    h.up.on('GET', DISCOVERY, () => json(discoveryDocument({ revocation_endpoint: REVOKE })))
    h.up.on('POST', REVOKE, () => json({ error: 'invalid_client' }, 401))
    const err = (await h.client.revokeToken('rt-secret').catch((e: unknown) => e)) as MoneyhubError
    expect(err.code).toBe('upstream_error')
    expect(err.status).toBe(401)
    expect(JSON.stringify(err)).not.toContain('rt-secret')
    expect(err.message).not.toContain('rt-secret')
    expect(h.up.callsTo(REVOKE)).toHaveLength(1)
  })

  it('refuses an empty token before any call', async () => {
    await expect(h.client.revokeToken('')).rejects.toBeInstanceOf(TypeError)
    expect(h.up.callsTo(REVOKE)).toHaveLength(0)
  })
})
