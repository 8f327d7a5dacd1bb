import { beforeEach, describe, expect, it } from 'vitest'
import { MoneyhubError } from './errors'
import { ISSUER, harness, json, type Harness } from '../../test/support/moneyhub-harness'

const TOKEN = `${ISSUER}/token`

describe('tokenForUser and clientToken', () => {
  let h: Harness
  let issued = 0
  beforeEach(async () => {
    h = await harness()
    issued = 0
    h.up.on('POST', TOKEN, () => {
      issued += 1
      return json({ access_token: `at-${issued}`, token_type: 'Bearer', expires_in: 7200 })
    })
  })

  const forms = () => h.up.callsTo(TOKEN).map((c) => new URLSearchParams(c.body))

  it('sends client_credentials with the sub FORM field and the exact scopes', async () => {
    const token = await h.client.tokenForUser('user-1', ['accounts:read', 'transactions:read:all'])
    expect(token).toEqual({ accessToken: 'at-1', expiresAt: h.clock.now + 7_200_000 })
    const [form] = forms()
    expect(form?.get('grant_type')).toBe('client_credentials')
    expect(form?.get('sub')).toBe('user-1')
    expect(form?.get('scope')).toBe('accounts:read transactions:read:all')
    expect(form?.get('claims')).toBeNull()
  })

  it('sends no sub for client-level scopes', async () => {
    await h.client.clientToken(['user:create'])
    expect(forms()[0]?.get('sub')).toBeNull()
  })

  it('sends one token request for 200 concurrent cold calls for one user', async () => {
    const tokens = await Promise.all(
      Array.from({ length: 200 }, () => h.client.tokenForUser('user-1', ['accounts:read'])),
    )
    expect(new Set(tokens.map((t) => t.accessToken))).toEqual(new Set(['at-1']))
    expect(h.up.callsTo(TOKEN)).toHaveLength(1)
  })

  it('shares one token for the same scope set in any order', async () => {
    await h.client.tokenForUser('user-1', ['b:read', 'a:read'])
    await h.client.tokenForUser('user-1', ['a:read', 'b:read', 'a:read'])
    expect(h.up.callsTo(TOKEN)).toHaveLength(1)
  })

  it('never shares tokens across users or scope sets', async () => {
    const a = await h.client.tokenForUser('user-1', ['accounts:read'])
    const b = await h.client.tokenForUser('user-2', ['accounts:read'])
    const c = await h.client.tokenForUser('user-1', ['transactions:read:all'])
    const d = await h.client.clientToken(['accounts:read'])
    expect(new Set([a.accessToken, b.accessToken, c.accessToken, d.accessToken]).size).toBe(4)
    expect(forms().map((f) => [f.get('sub'), f.get('scope')])).toEqual([
      ['user-1', 'accounts:read'],
      ['user-2', 'accounts:read'],
      ['user-1', 'transactions:read:all'],
      [null, 'accounts:read'],
    ])
  })

  it('renews early, once less than max(60 s, 10 %) of the lifetime is left', async () => {
    await h.client.tokenForUser('user-1', ['accounts:read'])
    h.clock.now += 7_200_000 - 721_000 // 721 s left: more than 10 % of 7200 s
    expect((await h.client.tokenForUser('user-1', ['accounts:read'])).accessToken).toBe('at-1')
    h.clock.now += 2_000 // 719 s left: renew
    expect((await h.client.tokenForUser('user-1', ['accounts:read'])).accessToken).toBe('at-2')
  })

  it('renews a short-lived token when 60 s are left', async () => {
    h.up.on('POST', TOKEN, () => {
      issued += 1
      return json({ access_token: `at-${issued}`, token_type: 'Bearer', expires_in: 300 })
    })
    await h.client.tokenForUser('user-1', ['accounts:read'])
    h.clock.now += 239_000
    expect((await h.client.tokenForUser('user-1', ['accounts:read'])).accessToken).toBe('at-1')
    h.clock.now += 2_000
    expect((await h.client.tokenForUser('user-1', ['accounts:read'])).accessToken).toBe('at-2')
  })

  it('bounds the cache (LRU) and evicts the least recently used entry', async () => {
    const client = h.makeClient({ tokenCache: { maxEntries: 2 } })
    await client.tokenForUser('u1', ['accounts:read'])
    await client.tokenForUser('u2', ['accounts:read'])
    await client.tokenForUser('u1', ['accounts:read']) // u1 becomes most recent
    await client.tokenForUser('u3', ['accounts:read']) // evicts u2
    await client.tokenForUser('u1', ['accounts:read'])
    expect(h.up.callsTo(TOKEN)).toHaveLength(3)
    await client.tokenForUser('u2', ['accounts:read'])
    expect(h.up.callsTo(TOKEN)).toHaveLength(4)
  })

  it('does not cache a failure', async () => {
    h.up.once('POST', TOKEN, () => json({ error: 'invalid_scope' }, 400))
    h.up.once('POST', TOKEN, () =>
      json({ access_token: 'ok', token_type: 'Bearer', expires_in: 60 }),
    )
    const err = await h.client.tokenForUser('user-1', ['accounts:read']).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(MoneyhubError)
    expect((err as MoneyhubError).code).toBe('token_request_failed')
    expect((err as MoneyhubError).error).toBe('invalid_scope')
    await expect(h.client.tokenForUser('user-1', ['accounts:read'])).resolves.toMatchObject({
      accessToken: 'ok',
    })
  })

  it('maps invalid_grant for a user (consent revoked or expired) to reauth_required (S7)', async () => {
    h.up.on('POST', TOKEN, () =>
      json({ error: 'invalid_grant', error_description: 'grant request is invalid' }, 400),
    )
    const err = await h.client.tokenForUser('user-1', ['accounts:read']).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(MoneyhubError)
    expect(err).toMatchObject({ code: 'reauth_required', status: 400, error: 'invalid_grant' })
    expect((err as MoneyhubError).message).not.toContain('grant request is invalid')
    // Not retried, and not cached: the next call asks again.
    expect(h.up.callsTo(TOKEN)).toHaveLength(1)
    await h.client.tokenForUser('user-1', ['accounts:read']).catch(() => undefined)
    expect(h.up.callsTo(TOKEN)).toHaveLength(2)
  })

  it('rejects a malformed user id with invalid_input and sends nothing', async () => {
    for (const sub of ['', '../x', 'a b', 'x'.repeat(200)]) {
      const err = await h.client.tokenForUser(sub, ['accounts:read']).catch((e: unknown) => e)
      expect((err as MoneyhubError).code).toBe('invalid_input')
    }
    expect(h.up.calls).toHaveLength(0)
  })

  it('rejects empty or malformed scopes with TypeError', async () => {
    await expect(h.client.tokenForUser('user-1', [])).rejects.toBeInstanceOf(TypeError)
    await expect(h.client.tokenForUser('user-1', ['a b'])).rejects.toBeInstanceOf(TypeError)
    expect(h.up.calls).toHaveLength(0)
  })

  it('rejects a token response without access_token', async () => {
    h.up.on('POST', TOKEN, () => json({ token_type: 'Bearer' }))
    const err = await h.client.clientToken(['user:create']).catch((e: unknown) => e)
    expect((err as MoneyhubError).code).toBe('invalid_upstream_response')
  })

  it('forgets a user on request', async () => {
    await h.client.tokenForUser('user-1', ['accounts:read'])
    await h.client.forgetUser('user-1')
    await h.client.tokenForUser('user-1', ['accounts:read'])
    expect(h.up.callsTo(TOKEN)).toHaveLength(2)
  })
})
