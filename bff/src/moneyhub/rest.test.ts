import { beforeEach, describe, expect, it } from 'vitest'
import type { MoneyhubErrorCode } from './errors'
import {
  API,
  IDENTITY,
  ISSUER,
  harness,
  json,
  type Harness,
  expectCode,
} from '../../test/support/moneyhub-harness'

const TOKEN = `${ISSUER}/token`
const ACCOUNTS = `${API}/accounts`
const account = {
  id: 'acc-1',
  accountName: 'Current',
  balance: { amount: { value: 1234, currency: 'GBP' } },
}

describe('data and identity REST', () => {
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

  it('reads accounts with a cached user token and unwraps the envelope', async () => {
    h.up.on('GET', ACCOUNTS, () =>
      json({ data: [account], links: { self: ACCOUNTS }, meta: { total: 1 } }),
    )
    const page = await h.client.getAccounts('user-1', { limit: 10, offset: 0 })
    expect(page.data[0]?.id).toBe('acc-1')
    expect(page.meta).toEqual({ total: 1 })
    await h.client.getAccounts('user-1')
    const calls = h.up.callsTo(ACCOUNTS)
    expect(calls).toHaveLength(2)
    expect(calls[0]?.url).toBe(`${ACCOUNTS}?limit=10&offset=0`)
    expect(calls[0]?.headers.get('authorization')).toBe('Bearer at-1')
    expect(h.up.callsTo(TOKEN)).toHaveLength(1)
  })

  it('sends Moneyhub transaction query names', async () => {
    h.up.on('GET', `${API}/transactions`, () => json({ data: [] }))
    await h.client.getTransactions('user-1', {
      accountId: 'acc-1',
      startDate: '2025-01-01',
      endDate: '2025-01-31',
      text: 'tea',
    })
    const url = new URL(h.up.callsTo(`${API}/transactions`)[0]?.url ?? '')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      accountId: 'acc-1',
      startDate: '2025-01-01',
      endDate: '2025-01-31',
      text: 'tea',
    })
    const form = new URLSearchParams(h.up.callsTo(TOKEN)[0]?.body)
    expect(form.get('scope')).toBe('transactions:read:all')
  })

  it('gets a new token and retries once after a 401, then stops', async () => {
    h.up.on('GET', ACCOUNTS, () => json({ code: 'unauthorised' }, 401))
    await expectCode(h.client.getAccounts('user-1'), 'unauthorized')
    expect(h.up.callsTo(ACCOUNTS)).toHaveLength(2)
    expect(h.up.callsTo(TOKEN)).toHaveLength(2)
  })

  it('recovers from a revoked cached token', async () => {
    h.up
      .once('GET', ACCOUNTS, () => json({ code: 'x' }, 401))
      .once('GET', ACCOUNTS, () => json({ data: [account] }))
    await expect(h.client.getAccounts('user-1')).resolves.toMatchObject({ data: [{ id: 'acc-1' }] })
  })

  it('retries a 429 with a short Retry-After and waits for it', async () => {
    h.up
      .once('GET', ACCOUNTS, () => json({ code: 'rate' }, 429, { 'retry-after': '2' }))
      .once('GET', ACCOUNTS, () => json({ data: [account] }))
    await h.client.getAccounts('user-1')
    expect(h.sleeps).toEqual([2000])
  })

  it('honours an HTTP-date Retry-After', async () => {
    const at = new Date(h.clock.now + 3000).toUTCString()
    h.up
      .once('GET', ACCOUNTS, () => json({ code: 'rate' }, 429, { 'retry-after': at }))
      .once('GET', ACCOUNTS, () => json({ data: [account] }))
    await h.client.getAccounts('user-1')
    expect(h.sleeps[0]).toBeGreaterThanOrEqual(2000)
    expect(h.sleeps[0]).toBeLessThanOrEqual(3000)
  })

  it('fails fast with rate_limited and retryAfter when Retry-After exceeds the cap', async () => {
    h.up.on('GET', ACCOUNTS, () =>
      json({ code: 'rate', correlationId: 'corr-1' }, 429, { 'retry-after': '60' }),
    )
    const err = await expectCode(h.client.getAccounts('user-1'), 'rate_limited')
    expect(err.retryAfter).toBe(60)
    expect(err.correlationId).toBe('corr-1')
    expect(h.up.callsTo(ACCOUNTS)).toHaveLength(1)
    expect(h.sleeps).toEqual([])
  })

  it('retries a GET at most twice on 503 with jittered backoff', async () => {
    h.up.on('GET', ACCOUNTS, () => json({ code: 'down' }, 503))
    await expectCode(h.client.getAccounts('user-1'), 'upstream_unavailable')
    expect(h.up.callsTo(ACCOUNTS)).toHaveLength(3)
    expect(h.sleeps).toEqual([100, 200])
  })

  it('retries a GET after a network error', async () => {
    h.up
      .once('GET', ACCOUNTS, () => Promise.reject(new TypeError('fetch failed')))
      .once('GET', ACCOUNTS, () => json({ data: [account] }))
    await h.client.getAccounts('user-1')
    expect(h.up.callsTo(ACCOUNTS)).toHaveLength(2)
  })

  it('never retries a POST that creates a user', async () => {
    h.up.on('POST', `${IDENTITY}/users`, () => json({ code: 'down' }, 503))
    await expectCode(h.client.registerUser({ clientUserId: 'me' }), 'upstream_unavailable')
    expect(h.up.callsTo(`${IDENTITY}/users`)).toHaveLength(1)
  })

  it('never retries paying a recurring payment', async () => {
    h.up.on('POST', `${IDENTITY}/recurring-payments/vrp-1/pay`, () => json({}, 502))
    await expectCode(
      h.client.payRecurringPayment('vrp-1', { amount: 500, payeeRef: 'a', payerRef: 'b' }),
      'upstream_unavailable',
    )
    expect(h.up.callsTo(`${IDENTITY}/recurring-payments/vrp-1/pay`)).toHaveLength(1)
  })

  it('times out a slow data call with upstream_timeout and does not retry it', async () => {
    const client = h.makeClient({ timeouts: { data: 20 } })
    h.up.on('GET', ACCOUNTS, () => new Promise<Response>(() => undefined))
    await expectCode(client.getAccounts('user-1'), 'upstream_timeout')
    expect(h.up.callsTo(ACCOUNTS)).toHaveLength(1)
  })

  const statusCases: Array<[number, Record<string, unknown>, MoneyhubErrorCode]> = [
    [400, { code: 'bad' }, 'invalid_input'],
    [403, { code: 'forbidden', message: 'scope' }, 'forbidden'],
    [403, { code: 'consent_expired', message: 'Consent has expired' }, 'consent_expired'],
    [404, { code: 'not_found', correlationId: 'c-404' }, 'not_found'],
    [500, { code: 'boom' }, 'upstream_error'],
  ]
  for (const [status, body, code] of statusCases) {
    it(`maps ${status} ${String(body.code)} to ${code}`, async () => {
      h.up.on('GET', `${API}/accounts/acc-1`, () => json(body, status))
      const err = await expectCode(h.client.getAccount('user-1', 'acc-1'), code)
      expect(err.status).toBe(status)
      expect(err.error).toBe(body.code)
    })
  }

  it('rejects a 200 with malformed JSON', async () => {
    h.up.on(
      'GET',
      ACCOUNTS,
      () => new Response('{"data":[', { headers: { 'content-type': 'application/json' } }),
    )
    await expectCode(h.client.getAccounts('user-1'), 'invalid_upstream_response')
  })

  it('rejects a 200 with a wrong shape', async () => {
    h.up.on('GET', ACCOUNTS, () => json({ data: [{ accountName: 'no id' }] }))
    await expectCode(h.client.getAccounts('user-1'), 'invalid_upstream_response')
  })

  it('rejects a 200 that is not enveloped', async () => {
    h.up.on('GET', ACCOUNTS, () => json([account]))
    await expectCode(h.client.getAccounts('user-1'), 'invalid_upstream_response')
  })

  it('validates path segments and query values before any call', async () => {
    await expectCode(h.client.getAccount('user-1', '../admin'), 'invalid_input')
    await expectCode(h.client.getAccount('user-1', 'a/b'), 'invalid_input')
    await expectCode(h.client.getAccount('../x', 'acc-1'), 'invalid_input')
    await expectCode(
      h.client.getTransactions('user-1', { startDate: '2025-13-01' }),
      'invalid_input',
    )
    await expectCode(h.client.getTransactions('user-1', { limit: 0 }), 'invalid_input')
    await expectCode(h.client.getAccounts('user-1', { offset: -1 }), 'invalid_input')
    await expectCode(h.client.confirmFunds('vrp-1', { amount: 1.5 }), 'invalid_input')
    await expectCode(
      h.client.createPayee({ accountNumber: '1', sortCode: '2', name: 'x' }),
      'invalid_input',
    )
    expect(h.up.calls).toHaveLength(0)
  })

  it('deletes a connection on the singular /connection/ path with a client token', async () => {
    const url = `${IDENTITY}/users/user-1/connection/bank%3Acon-1`
    h.up.on('DELETE', url, () => new Response(null, { status: 204 }))
    await h.client.deleteConnection('user-1', 'bank:con-1')
    expect(h.up.callsTo(url)).toHaveLength(1)
    const form = new URLSearchParams(h.up.callsTo(TOKEN)[0]?.body)
    expect(form.get('scope')).toBe('connection:delete')
    expect(form.get('sub')).toBeNull()
  })

  it('reads a bare user object and sends clientUserId', async () => {
    h.up.on('POST', `${IDENTITY}/users`, () => json({ userId: 'user-9', clientUserId: 'me' }, 201))
    await expect(h.client.registerUser({ clientUserId: 'me' })).resolves.toMatchObject({
      userId: 'user-9',
    })
    expect(JSON.parse(h.up.callsTo(`${IDENTITY}/users`)[0]?.body ?? '')).toEqual({
      clientUserId: 'me',
    })
  })

  it('sends funds confirmation as a major-unit string', async () => {
    const url = `${IDENTITY}/recurring-payments/vrp-1/funds-confirmation`
    h.up.on('POST', url, () => json({ data: { fundsAvailable: true } }))
    await h.client.confirmFunds('vrp-1', { amount: 1005 })
    expect(JSON.parse(h.up.callsTo(url)[0]?.body ?? '')).toEqual({
      amount: '10.05',
      currency: 'GBP',
    })
  })

  it('lists banks from the well-known path with clientId', async () => {
    h.up.on('GET', `${ISSUER}/.well-known/test-connections`, () =>
      json([{ id: 'b1', name: 'Mock' }]),
    )
    await expect(h.client.listBanks('test')).resolves.toEqual([{ id: 'b1', name: 'Mock' }])
    expect(h.up.calls[0]?.url).toBe(`${ISSUER}/.well-known/test-connections?clientId=client-1`)
  })
})
