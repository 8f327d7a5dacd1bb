import * as oauth from 'oauth4webapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { approveConsent, MOCK_BANK_ID } from '../src/index'
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
let userId: string
let connectionId: string

beforeAll(async () => {
  t = await startWithClient()
  ;({ userId, connectionId } = await connectUser(t))
})
afterAll(async () => {
  await t.sim.close()
})

async function tokenError(scope: string, sub?: string): Promise<unknown> {
  const response = await oauth.clientCredentialsGrantRequest(
    t.as,
    t.client,
    t.auth,
    { scope, ...(sub ? { sub } : {}) },
    t.options,
  )
  return oauth.processClientCredentialsResponse(t.as, t.client, response).then(
    () => undefined,
    (error: unknown) => error,
  )
}

describe('client_credentials with sub', () => {
  it('issues a 7200 s token for user data scopes with sub', async () => {
    const response = await oauth.clientCredentialsGrantRequest(
      t.as,
      t.client,
      t.auth,
      { scope: 'accounts:read', sub: userId },
      t.options,
    )
    const tokens = await oauth.processClientCredentialsResponse(t.as, t.client, response)
    expect(tokens.expires_in).toBe(7200)
    expect(tokens.scope).toBe('accounts:read')
  })

  it('refuses a client-level scope with sub (invalid_scope)', async () => {
    expect(await tokenError('user:read', userId)).toMatchObject({ error: 'invalid_scope' })
  })

  it('refuses a user data scope without sub (invalid_request)', async () => {
    expect(await tokenError('accounts:read')).toMatchObject({ error: 'invalid_request' })
  })

  it('refuses a sub that is not an existing user', async () => {
    expect(await tokenError('accounts:read', 'ffffffffffffffffffffffff')).toMatchObject({
      error: 'invalid_request',
    })
  })

  it('refuses a scope the client is not allowed', async () => {
    const limited = await startWithClient({ scope: 'openid user:create' })
    try {
      const response = await oauth.clientCredentialsGrantRequest(
        limited.as,
        limited.client,
        limited.auth,
        { scope: 'user:read' },
        limited.options,
      )
      await expect(
        oauth.processClientCredentialsResponse(limited.as, limited.client, response),
      ).rejects.toMatchObject({ error: 'invalid_scope' })
    } finally {
      await limited.sim.close()
    }
  })

  it('rejects a replayed client assertion', async () => {
    let assertion = ''
    const capture: typeof fetch = async (input, init) => {
      const body = init?.body instanceof URLSearchParams ? init.body : new URLSearchParams()
      assertion = body.get('client_assertion') ?? ''
      return fetch(input, init)
    }
    await oauth.clientCredentialsGrantRequest(
      t.as,
      t.client,
      t.auth,
      { scope: 'user:read' },
      {
        ...t.options,
        [oauth.customFetch]: capture,
      },
    )
    const replay = await fetch(t.as.token_endpoint ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope: 'user:read',
        client_id: t.client.client_id,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
      }),
    })
    expect(replay.status).toBe(401)
    expect(((await replay.json()) as { error: string }).error).toBe('invalid_client')
  })
})

describe('data API', () => {
  it('answers 401 with a data-API error body when the token is missing or unknown', async () => {
    const missing = await call(`${t.sim.apiUrl}/accounts`, undefined)
    expect(missing.status).toBe(401)
    expect(missing.body).toMatchObject({ code: 'unauthorized' })
    expect(typeof (missing.body as { correlationId: unknown }).correlationId).toBe('string')
    expect((await call(`${t.sim.apiUrl}/accounts`, 'not-a-token')).status).toBe(401)
  })

  it('answers 403 when the token lacks the route scope', async () => {
    const token = await clientToken(t, 'accounts:read', userId)
    const transactions = await call(`${t.sim.apiUrl}/transactions`, token)
    expect(transactions.status).toBe(403)
    expect(transactions.body).toMatchObject({ code: 'insufficient_scope' })
  })

  it('answers 403 to a client-level token', async () => {
    const token = await clientToken(t, 'user:read')
    expect((await call(`${t.sim.apiUrl}/accounts`, token)).status).toBe(403)
  })

  it('hides account identifiers without accounts_details:read', async () => {
    const plain = await call(
      `${t.sim.apiUrl}/accounts`,
      await clientToken(t, 'accounts:read', userId),
    )
    const detailed = await call(
      `${t.sim.apiUrl}/accounts`,
      await clientToken(t, 'accounts:read accounts_details:read', userId),
    )
    const first = (body: unknown) =>
      (body as { data: { details: Record<string, unknown> }[] }).data[0]
    expect(first(plain.body)?.details).toEqual({})
    expect(first(detailed.body)?.details.sortCodeAccountNumber).toMatch(/^\d{14}$/)
  })

  it('reads one account and its balances, and answers 404 for an account of nobody', async () => {
    const token = await clientToken(t, 'accounts:read', userId)
    const list = (await call(`${t.sim.apiUrl}/accounts`, token)).body as {
      data: { id: string; balance: { amount: { value: number } } }[]
    }
    const first = list.data[0]
    const one = await call(`${t.sim.apiUrl}/accounts/${first?.id ?? ''}`, token)
    expect(one.status).toBe(200)
    expect(one.body).toMatchObject({ data: { id: first?.id } })
    const balances = await call(`${t.sim.apiUrl}/accounts/${first?.id ?? ''}/balances`, token)
    expect(balances.body).toMatchObject({
      data: [{ amount: { value: first?.balance.amount.value } }],
    })
    const missing = await call(
      `${t.sim.apiUrl}/accounts/00000000-0000-4000-a000-000000000000`,
      token,
    )
    expect(missing.status).toBe(404)
    expect(missing.body).toMatchObject({ code: 'not_found' })
  })

  it('filters transactions by account, dates and text, and pages with links', async () => {
    const token = await clientToken(t, 'accounts:read transactions:read:all', userId)
    const accounts = (await call(`${t.sim.apiUrl}/accounts`, token)).body as {
      data: { id: string; type: string }[]
    }
    const current = accounts.data.find((account) => account.type === 'cash:current')
    expect(current).toBeDefined()
    const end = new Date().toISOString().slice(0, 10)
    const start = new Date(Date.now() - 40 * 24 * 3600 * 1000).toISOString().slice(0, 10)
    const url = `${t.sim.apiUrl}/transactions?accountId=${current?.id ?? ''}&startDate=${start}&endDate=${end}&limit=1000`
    const page = (await call(url, token)).body as {
      data: { accountId: string; date: string; shortDescription: string }[]
    }
    expect(page.data.length).toBeGreaterThan(10)
    expect(page.data.every((tx) => tx.accountId === current?.id)).toBe(true)
    expect(
      page.data.every((tx) => tx.date.slice(0, 10) >= start && tx.date.slice(0, 10) <= end),
    ).toBe(true)

    const salary = (await call(`${t.sim.apiUrl}/transactions?text=salary`, token)).body as {
      data: { shortDescription: string; amount: { value: number } }[]
    }
    expect(salary.data.length).toBeGreaterThan(0)
    expect(salary.data.every((tx) => tx.shortDescription.toLowerCase().includes('salary'))).toBe(
      true,
    )

    const bad = await call(`${t.sim.apiUrl}/transactions?startDate=yesterday`, token)
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ code: 'invalid_query' })
  })

  it('answers 403 consent_expired once the consent has expired, also for sync', async () => {
    const token = await clientToken(
      t,
      'accounts:read accounts:write:all transactions:read:all',
      userId,
    )
    const synced = await call(`${t.sim.apiUrl}/sync/${encodeURIComponent(connectionId)}`, token, {
      method: 'POST',
      body: {},
    })
    expect(synced.status).toBe(200)
    expect(synced.body).toMatchObject({ data: { status: 'ok' } })

    await t.sim.admin.expireConsent(connectionId)
    const accounts = await call(`${t.sim.apiUrl}/accounts`, token)
    expect(accounts.status).toBe(403)
    expect(accounts.body).toMatchObject({ code: 'consent_expired' })
    const sync = await call(`${t.sim.apiUrl}/sync/${encodeURIComponent(connectionId)}`, token, {
      method: 'POST',
      body: {},
    })
    expect(sync.status).toBe(403)
    const connections = await call(
      `${t.sim.identityUrl}/users/${userId}/connections`,
      await clientToken(t, 'connection:read'),
    )
    expect(connections.body).toMatchObject({
      data: [{ id: connectionId, extendedStatus: 'expired' }],
    })
  })
})

describe('identity REST', () => {
  it('needs a client-level token with the route scope', async () => {
    expect((await call(`${t.sim.identityUrl}/users/${userId}`, undefined)).status).toBe(401)
    const wrong = await call(
      `${t.sim.identityUrl}/users/${userId}`,
      await clientToken(t, 'payment:read'),
    )
    expect(wrong.status).toBe(403)
    const userToken = await clientToken(t, 'accounts:read', userId)
    expect((await call(`${t.sim.identityUrl}/users/${userId}`, userToken)).status).toBe(403)
    const read = await call(
      `${t.sim.identityUrl}/users/${userId}`,
      await clientToken(t, 'user:read'),
    )
    expect(read.status).toBe(200)
    expect(read.body).toMatchObject({ userId, connectionIds: [connectionId] })
  })

  it('deletes a connection (singular path, 204) and revokes its tokens', async () => {
    const flow = await pushSigned(t, {
      scope: `openid id:${MOCK_BANK_ID} accounts:read`,
      claims: { id_token: { sub: { essential: true }, 'mh:con_id': { essential: true } } },
    })
    const { claims, tokens } = await finish(t, flow, await approveConsent(flow.authUrl))
    expect((await call(`${t.sim.apiUrl}/accounts`, tokens.access_token)).status).toBe(200)
    const deleted = await call(
      `${t.sim.identityUrl}/users/${claims.sub}/connection/${encodeURIComponent(claimString(claims, 'mh:con_id'))}`,
      await clientToken(t, 'connection:delete'),
      { method: 'DELETE' },
    )
    expect(deleted.status).toBe(204)
    expect((await call(`${t.sim.apiUrl}/accounts`, tokens.access_token)).status).toBe(401)
  })

  it('answers 400 with a stable code for bad bodies and queries', async () => {
    const payee = await call(`${t.sim.identityUrl}/payees`, await clientToken(t, 'payee:create'), {
      method: 'POST',
      body: { name: 'X', sortCode: '12-34-56', accountNumber: '1' },
    })
    expect(payee.status).toBe(400)
    expect(payee.body).toMatchObject({ code: 'invalid_body' })

    const farAway = new Date(Date.now() + 200 * 24 * 3600 * 1000).toISOString()
    const patch = await call(
      `${t.sim.identityUrl}/users/${userId}/connections/${encodeURIComponent(connectionId)}`,
      await clientToken(t, 'connection:update'),
      { method: 'PATCH', body: { expiresAt: farAway } },
    )
    expect(patch.status).toBe(400)

    const page = await call(
      `${t.sim.identityUrl}/payments?limit=lots`,
      await clientToken(t, 'payment:read'),
    )
    expect(page.status).toBe(400)
    expect(page.body).toMatchObject({ code: 'invalid_query' })
  })

  it('lists only banks that take payments in payments-connections', async () => {
    const banks = await call(`${t.sim.issuer}/.well-known/payments-connections`, undefined)
    const names = (banks.body as { name: string; payments: string[] }[]).map((bank) => bank.name)
    expect(names).toContain('Moneyhub Open Banking Mock')
    expect(names).not.toContain('Thistle Card Services')
  })

  it('lists banks with monthsInitialConsent and no authentication', async () => {
    const banks = await call(`${t.sim.issuer}/.well-known/test-connections`, undefined)
    expect(banks.status).toBe(200)
    expect(banks.body).toEqual([
      expect.objectContaining({
        id: MOCK_BANK_ID,
        name: 'Moneyhub Open Banking Mock',
        monthsInitialConsent: 24,
      }),
    ])
  })
})
