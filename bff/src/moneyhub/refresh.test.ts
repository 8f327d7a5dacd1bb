import { beforeEach, describe, expect, it } from 'vitest'
import type { MoneyhubError } from './errors'
import { ISSUER, harness, json, type Harness } from '../../test/support/moneyhub-harness'

const TOKEN = `${ISSUER}/token`

describe('refreshToken', () => {
  let h: Harness
  beforeEach(async () => {
    h = await harness()
  })

  it('sends one request for concurrent refreshes of one token and keeps the newest refresh token', async () => {
    h.up.on('POST', TOKEN, () =>
      json({ access_token: 'at-2', token_type: 'Bearer', expires_in: 600, refresh_token: 'rt-2' }),
    )
    const [a, b] = await Promise.all([h.client.refreshToken('rt-1'), h.client.refreshToken('rt-1')])
    expect(a).toEqual(b)
    expect(a.refreshToken).toBe('rt-2')
    expect(a.accessToken).toBe('at-2')
    expect(h.up.callsTo(TOKEN)).toHaveLength(1)
    const form = new URLSearchParams(h.up.callsTo(TOKEN)[0]?.body)
    expect(form.get('grant_type')).toBe('refresh_token')
    expect(form.get('refresh_token')).toBe('rt-1')
  })

  it('keeps the old refresh token when none comes back', async () => {
    h.up.on('POST', TOKEN, () =>
      json({ access_token: 'at-2', token_type: 'Bearer', expires_in: 600 }),
    )
    expect((await h.client.refreshToken('rt-1')).refreshToken).toBe('rt-1')
  })

  it('maps invalid_grant to reauth_required and does not retry', async () => {
    h.up.on('POST', TOKEN, () => json({ error: 'invalid_grant' }, 400))
    const err = await h.client.refreshToken('rt-1').catch((e: unknown) => e)
    expect((err as MoneyhubError).code).toBe('reauth_required')
    expect(h.up.callsTo(TOKEN)).toHaveLength(1)
  })

  it('never replays the refresh token after a timeout', async () => {
    const client = h.makeClient({ timeouts: { identity: 20 } })
    await client.discovery()
    h.up.on('POST', TOKEN, () => new Promise<Response>(() => undefined))
    const err = await client.refreshToken('rt-1').catch((e: unknown) => e)
    expect((err as MoneyhubError).code).toBe('upstream_timeout')
    expect(h.up.callsTo(TOKEN)).toHaveLength(1)
  })

  it('accepts an ID token in the refresh response that keeps iss and sub', async () => {
    const idToken = await h.idToken({ nonce: undefined })
    h.up.on('POST', TOKEN, () =>
      json({ access_token: 'a', token_type: 'Bearer', id_token: idToken }),
    )
    await expect(h.client.refreshToken('rt-1', { sub: 'user-1' })).resolves.toMatchObject({
      idToken,
    })
  })

  it('rejects an ID token in the refresh response whose sub changed', async () => {
    const idToken = await h.idToken({ sub: 'user-2', nonce: undefined })
    h.up.on('POST', TOKEN, () =>
      json({ access_token: 'a', token_type: 'Bearer', id_token: idToken }),
    )
    const err = await h.client.refreshToken('rt-1', { sub: 'user-1' }).catch((e: unknown) => e)
    expect((err as MoneyhubError).code).toBe('invalid_id_token')
  })

  it('rejects an ID token in the refresh response whose iss changed', async () => {
    const idToken = await h.idToken({ iss: 'https://evil.test/oidc', nonce: undefined })
    h.up.on('POST', TOKEN, () =>
      json({ access_token: 'a', token_type: 'Bearer', id_token: idToken }),
    )
    const err = await h.client.refreshToken('rt-1', { sub: 'user-1' }).catch((e: unknown) => e)
    expect((err as MoneyhubError).code).toBe('invalid_id_token')
  })
})
