import * as oauth from 'oauth4webapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { approveConsent, CookieJar, denyConsent, MOCK_BANK_ID, SIM_BANKS } from '../src/index'
import {
  call,
  claimString,
  clientToken,
  connectUser,
  finish,
  pushSigned,
  startWithClient,
  type TestClient,
} from './oauth-client'

let t: TestClient

beforeAll(async () => {
  t = await startWithClient()
})
afterAll(async () => {
  await t.sim.close()
})

const aisClaims = { id_token: { sub: { essential: true }, 'mh:con_id': { essential: true } } }

describe('AIS connection', () => {
  it('connects a new user through PAR, consent, code exchange and reads accounts with the one-time token', async () => {
    const flow = await pushSigned(t, {
      scope: `openid id:${MOCK_BANK_ID} accounts:read transactions:read:all`,
      claims: aisClaims,
    })
    const callback = await approveConsent(flow.authUrl)
    const callbackUrl = new URL(callback)
    expect(callbackUrl.origin + callbackUrl.pathname).toBe(t.redirectUri)
    expect(callbackUrl.searchParams.get('iss')).toBe(t.sim.issuer)

    const { tokens, claims } = await finish(t, flow, callback)
    expect(claims.sub).toMatch(/^[0-9a-f]{24}$/)
    expect(claims['mh:con_id']).toMatch(new RegExp(`^${MOCK_BANK_ID}:[0-9a-f-]{36}$`))
    expect(claims.nonce).toBe(flow.nonce)
    expect(typeof claims.at_hash).toBe('string')
    expect(typeof claims.sid).toBe('string')

    const accounts = await call(`${t.sim.apiUrl}/accounts`, tokens.access_token)
    expect(accounts.status).toBe(200)
    const body = accounts.body as {
      data: { connectionId: string; type: string }[]
      links: { self: string }
    }
    expect(body.data.length).toBeGreaterThanOrEqual(2)
    expect(body.data.every((account) => account.connectionId === claims['mh:con_id'])).toBe(true)
    expect(body.links.self).toContain('/v3/accounts')
  })
})

describe('AIS consent window defaults', () => {
  async function consentExpiryDays(scope: string): Promise<number> {
    const { userId, connectionId } = await connectUser(t, scope)
    const token = await clientToken(t, 'connection:read')
    const res = await call(`${t.sim.identityUrl}/users/${userId}/connections`, token)
    const connection = (res.body as { data: { id: string; expiresAt: string }[] }).data.find(
      (c) => c.id === connectionId,
    )
    if (!connection) throw new Error('connection not listed')
    return (Date.parse(connection.expiresAt) - Date.now()) / 86_400_000
  }

  it('gives one-time access (data scopes, no user, no offline_access) a 24-hour consent', async () => {
    const days = await consentExpiryDays(`openid id:${MOCK_BANK_ID} accounts:read`)
    expect(days).toBeGreaterThan(0.9)
    expect(days).toBeLessThanOrEqual(1)
  })

  it('gives a new user who asks for offline_access a 90-day consent', async () => {
    const days = await consentExpiryDays(`openid offline_access id:${MOCK_BANK_ID} accounts:read`)
    expect(days).toBeGreaterThan(89.9)
    expect(days).toBeLessThanOrEqual(90)
  })
})

describe('AIS for an existing user', () => {
  it('connects a user created with POST /users and reads data with a client_credentials token for that sub', async () => {
    const createToken = await clientToken(t, 'user:create')
    const created = await call(`${t.sim.identityUrl}/users`, createToken, {
      method: 'POST',
      body: { clientUserId: 'app-user-1' },
    })
    expect(created.status).toBe(201)
    const user = created.body as { userId: string; clientUserId: string }
    expect(user.clientUserId).toBe('app-user-1')

    const flow = await pushSigned(t, {
      scope: `openid id:${MOCK_BANK_ID}`,
      claims: {
        id_token: {
          sub: { essential: true, value: user.userId },
          'mh:con_id': { essential: true },
        },
      },
    })
    const { claims, tokens } = await finish(t, flow, await approveConsent(flow.authUrl), {
      sub: user.userId,
    })
    expect(claims.sub).toBe(user.userId)
    const connectionId = claimString(claims, 'mh:con_id')

    // The code-exchange token has no data scopes, so it cannot read the data API.
    const denied = await call(`${t.sim.apiUrl}/accounts`, tokens.access_token)
    expect(denied.status).toBe(403)
    expect((denied.body as { code: string }).code).toBe('insufficient_scope')

    const dataToken = await clientToken(t, 'accounts:read transactions:read:all', user.userId)
    const accounts = await call(`${t.sim.apiUrl}/accounts`, dataToken)
    expect(accounts.status).toBe(200)
    const list = (accounts.body as { data: { id: string; connectionId: string }[] }).data
    expect(list.map((account) => account.connectionId)).toContain(connectionId)

    const transactions = await call(`${t.sim.apiUrl}/transactions?limit=5`, dataToken)
    expect(transactions.status).toBe(200)
    const page = transactions.body as {
      data: { amount: { value: number } }[]
      links: { next?: string }
    }
    expect(page.data).toHaveLength(5)
    expect(page.data.every((tx) => Number.isInteger(tx.amount.value))).toBe(true)
    expect(page.links.next).toContain('offset=5')

    const connectionsToken = await clientToken(t, 'connection:read')
    const connections = await call(
      `${t.sim.identityUrl}/users/${user.userId}/connections`,
      connectionsToken,
    )
    expect(connections.status).toBe(200)
    const first = (
      connections.body as { data: { id: string; status: string; expiresAt: string }[] }
    ).data[0]
    expect(first?.id).toBe(connectionId)
    expect(first?.status).toBe('ok')
  })

  it('rejects a PAR whose sub value is not an existing user', async () => {
    await expect(
      pushSigned(t, {
        scope: `openid id:${MOCK_BANK_ID}`,
        claims: { id_token: { sub: { essential: true, value: 'aaaaaaaaaaaaaaaaaaaaaaaa' } } },
      }),
    ).rejects.toMatchObject({ error: 'invalid_request' })
  })
})

describe('codes, refresh tokens and denial', () => {
  it('revokes the grant when a code is used twice', async () => {
    const flow = await pushSigned(t, {
      scope: `openid offline_access id:${MOCK_BANK_ID} accounts:read`,
      claims: aisClaims,
    })
    const callback = await approveConsent(flow.authUrl)
    const { tokens } = await finish(t, flow, callback)
    expect((await call(`${t.sim.apiUrl}/accounts`, tokens.access_token)).status).toBe(200)

    await expect(finish(t, flow, callback)).rejects.toMatchObject({ error: 'invalid_grant' })
    // The first exchange's tokens died with the grant.
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

  it('rotates the refresh token on every refresh and refuses the old one', async () => {
    const flow = await pushSigned(t, {
      scope: `openid offline_access id:${MOCK_BANK_ID} accounts:read`,
      claims: aisClaims,
    })
    const { tokens } = await finish(t, flow, await approveConsent(flow.authUrl))
    const first = tokens.refresh_token ?? ''
    expect(first).not.toBe('')
    const refreshed = await oauth.processRefreshTokenResponse(
      t.as,
      t.client,
      await oauth.refreshTokenGrantRequest(t.as, t.client, t.auth, first, t.options),
    )
    expect(refreshed.refresh_token).toBeDefined()
    expect(refreshed.refresh_token).not.toBe(first)
    expect((await call(`${t.sim.apiUrl}/accounts`, refreshed.access_token)).status).toBe(200)
    const counters = await t.sim.admin.counters()
    expect(counters['token:refresh_token']).toBeGreaterThanOrEqual(1)
  })

  it('lists every code, access token and refresh token it issued for leak tests', async () => {
    const flow = await pushSigned(t, {
      scope: `openid offline_access id:${MOCK_BANK_ID} accounts:read`,
      claims: aisClaims,
    })
    const callback = await approveConsent(flow.authUrl)
    const code = new URL(callback).searchParams.get('code') ?? ''
    const { tokens } = await finish(t, flow, callback)
    const sub = claimString({ ...oauth.getValidatedIdTokenClaims(tokens) }, 'sub')
    const cc = await clientToken(t, 'accounts:read', sub)
    const issued = await t.sim.admin.issuedSecrets()
    expect(issued).toContain(code)
    expect(issued).toContain(tokens.access_token)
    expect(issued).toContain(tokens.refresh_token)
    expect(issued).toContain(cc)
  })

  it('ends in error=access_denied when the user presses Deny', async () => {
    const flow = await pushSigned(t, { scope: `openid id:${MOCK_BANK_ID}`, claims: aisClaims })
    const callback = new URL(await denyConsent(flow.authUrl))
    expect(callback.searchParams.get('error')).toBe('access_denied')
    expect(callback.searchParams.get('state')).toBe(flow.state)
    expect(() => oauth.validateAuthResponse(t.as, t.client, callback, flow.state)).toThrow()
  })

  it('shows the bank chooser for id:test and connects the bank picked there', async () => {
    const flow = await pushSigned(t, { scope: 'openid id:api', claims: aisClaims })
    const chooser = await fetch(flow.authUrl, { redirect: 'manual' })
    expect(chooser.status).toBe(303)
    const northwind = SIM_BANKS.find((bank) => bank.name === 'Northwind Bank')
    const { claims } = await finish(
      t,
      flow,
      await approveConsent(flow.authUrl, { bankId: northwind?.id ?? '' }),
    )
    expect(claimString(claims, 'mh:con_id').startsWith(`${northwind?.id ?? ''}:`)).toBe(true)
  })
})

describe('pushed request lifetime', () => {
  it('lets a request_uri be used once only', async () => {
    const flow = await pushSigned(t, { scope: `openid id:${MOCK_BANK_ID}`, claims: aisClaims })
    await approveConsent(flow.authUrl)
    const again = new URL(await approveConsent(flow.authUrl))
    expect(again.searchParams.get('error')).toBe('invalid_request_uri')
    expect(again.searchParams.get('code')).toBeNull()
  })

  it('expires a request_uri after its lifetime on the simulator clock', async () => {
    const flow = await pushSigned(t, { scope: `openid id:${MOCK_BANK_ID}`, claims: aisClaims })
    await t.sim.admin.advanceClock(61)
    await expect(approveConsent(flow.authUrl)).rejects.toThrow(/invalid_request_uri/)
  })

  it('expires an authorization code after 10 minutes', async () => {
    const flow = await pushSigned(t, { scope: `openid id:${MOCK_BANK_ID}`, claims: aisClaims })
    const callback = await approveConsent(flow.authUrl)
    await t.sim.admin.advanceClock(601)
    await expect(finish(t, flow, callback)).rejects.toMatchObject({ error: 'invalid_grant' })
  })

  it('refuses a code exchange whose sub is not the user who consented', async () => {
    const flow = await pushSigned(t, { scope: `openid id:${MOCK_BANK_ID}`, claims: aisClaims })
    const callback = await approveConsent(flow.authUrl)
    await expect(
      finish(t, flow, callback, { sub: 'bbbbbbbbbbbbbbbbbbbbbbbb' }),
    ).rejects.toMatchObject({
      error: 'invalid_grant',
    })
  })

  it('accepts client_id next to request_uri on the authorisation URL', async () => {
    const flow = await pushSigned(t, { scope: `openid id:${MOCK_BANK_ID}`, claims: aisClaims })
    const url = new URL(flow.authUrl)
    url.searchParams.set('client_id', t.client.client_id)
    const { claims } = await finish(t, flow, await approveConsent(url.href))
    expect(claims['mh:con_id']).toBeDefined()
  })
})

describe('one browser, several flows', () => {
  it('connects two different users one after the other with the same cookies', async () => {
    const jar = new CookieJar()
    const first = await pushSigned(t, { scope: `openid id:${MOCK_BANK_ID}`, claims: aisClaims })
    const one = await finish(t, first, await approveConsent(first.authUrl, { cookieJar: jar }))

    const created = await call(`${t.sim.identityUrl}/users`, await clientToken(t, 'user:create'), {
      method: 'POST',
      body: {},
    })
    const otherId = (created.body as { userId: string }).userId
    const second = await pushSigned(t, {
      scope: `openid id:${MOCK_BANK_ID}`,
      claims: {
        id_token: { sub: { essential: true, value: otherId }, 'mh:con_id': { essential: true } },
      },
    })
    const two = await finish(t, second, await approveConsent(second.authUrl, { cookieJar: jar }))
    expect(two.claims.sub).toBe(otherId)
    expect(two.claims.sub).not.toBe(one.claims.sub)
    expect(two.claims['mh:con_id']).not.toBe(one.claims['mh:con_id'])
  })
})
