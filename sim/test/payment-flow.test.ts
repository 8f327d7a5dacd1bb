import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { approveConsent, MOCK_BANK_ID } from '../src/index'
import {
  call,
  claimString,
  clientToken,
  finish,
  openConsentPage,
  pushSigned,
  startWithClient,
  type TestClient,
} from './oauth-client'

let t: TestClient

beforeAll(async () => {
  t = await startWithClient({}, {}, 'ES256')
})
afterAll(async () => {
  await t.sim.close()
})

const bank = `id:${MOCK_BANK_ID}`
const payee = { name: 'Acme Supplies', sortCode: '123456', accountNumber: '12345678' }

async function createPayee(): Promise<string> {
  const token = await clientToken(t, 'payee:create')
  const created = await call(`${t.sim.identityUrl}/payees`, token, { method: 'POST', body: payee })
  expect(created.status).toBe(201)
  return (created.body as { data: { id: string } }).data.id
}

describe('single payment', () => {
  it('pays an existing payee: the ID token names the payment, which completes at code exchange', async () => {
    const payeeId = await createPayee()
    const flow = await pushSigned(t, {
      scope: `payment openid ${bank}`,
      claims: {
        id_token: {
          sub: { essential: true },
          'mh:con_id': { essential: true },
          'mh:payment': {
            essential: true,
            value: { amount: 1250, payeeId, payeeRef: 'INV123', payerRef: 'Order 42' },
          },
        },
      },
    })
    const page = await openConsentPage(flow.authUrl)
    expect(page.html).toContain('£12.50')
    expect(page.html).toContain('INV123')
    expect(page.html).toContain('>Approve</button>')
    expect(page.html).toContain('>Deny</button>')

    const { claims } = await finish(
      t,
      flow,
      await approveConsent(page.url, { cookieJar: page.jar }),
    )
    const paymentId = claimString(claims, 'mh:payment')
    expect(paymentId).toMatch(/^[0-9a-f-]{36}$/)

    const read = await call(
      `${t.sim.identityUrl}/payments/${paymentId}`,
      await clientToken(t, 'payment:read'),
    )
    expect(read.status).toBe(200)
    const payment = (
      read.body as { data: { amount: number; payeeId: string; status: string; payeeRef: string } }
    ).data
    expect(payment).toMatchObject({
      amount: 1250,
      payeeId,
      status: 'completed',
      payeeRef: 'INV123',
    })
  })

  it('creates the payee on the fly from an inline payee', async () => {
    const flow = await pushSigned(t, {
      scope: `payment openid ${bank}`,
      claims: {
        id_token: {
          'mh:con_id': { essential: true },
          'mh:payment': {
            essential: true,
            value: { amount: 99, payee, payeeRef: 'REF1', payerRef: 'REF2' },
          },
        },
      },
    })
    const { claims } = await finish(t, flow, await approveConsent(flow.authUrl))
    const read = await call(
      `${t.sim.identityUrl}/payments/${claimString(claims, 'mh:payment')}`,
      await clientToken(t, 'payment:read'),
    )
    const payeeId = (read.body as { data: { payeeId: string } }).data.payeeId
    const fetched = await call(
      `${t.sim.identityUrl}/payees/${payeeId}`,
      await clientToken(t, 'payee:read'),
    )
    expect((fetched.body as { data: { name: string } }).data.name).toBe('Acme Supplies')
  })

  it('fails before the redirect for the mock bank reference INVALID REQUEST', async () => {
    await expect(
      pushSigned(t, {
        scope: `payment openid ${bank}`,
        claims: {
          id_token: {
            'mh:payment': {
              essential: true,
              value: { amount: 100, payee, payeeRef: 'INVALID REQUEST', payerRef: 'X' },
            },
          },
        },
      }),
    ).rejects.toMatchObject({ error: 'invalid_request' })
  })

  it('fails at submission for the mock bank reference INVALID SUBMISSION', async () => {
    const flow = await pushSigned(t, {
      scope: `payment openid ${bank}`,
      claims: {
        id_token: {
          'mh:payment': {
            essential: true,
            value: { amount: 100, payee, payeeRef: 'INVALID SUBMISSION', payerRef: 'X' },
          },
        },
      },
    })
    const { claims } = await finish(t, flow, await approveConsent(flow.authUrl))
    const read = await call(
      `${t.sim.identityUrl}/payments/${claimString(claims, 'mh:payment')}`,
      await clientToken(t, 'payment:read'),
    )
    expect((read.body as { data: { status: string } }).data.status).toBe('error:paymentSubmission')
  })

  it('rejects a payment claim that breaks the shared rules', async () => {
    await expect(
      pushSigned(t, {
        scope: `payment openid ${bank}`,
        claims: {
          id_token: {
            'mh:payment': {
              essential: true,
              value: { amount: -5, payee, payeeRef: 'A', payerRef: 'B' },
            },
          },
        },
      }),
    ).rejects.toMatchObject({ error: 'invalid_request' })
  })
})

describe('standing order', () => {
  it('sets up a standing order whose id comes back in the ID token', async () => {
    const payeeId = await createPayee()
    const flow = await pushSigned(t, {
      scope: `standing_orders:create openid ${bank}`,
      claims: {
        id_token: {
          'mh:con_id': { essential: true },
          'mh:standing_order': {
            essential: true,
            value: {
              payeeId,
              reference: 'Rent',
              frequency: { repeat: 'Monthly', day: 1 },
              numberOfPayments: 12,
              firstPaymentAmount: 90000,
              currency: 'GBP',
              firstPaymentDate: new Date(Date.now() + 7 * 24 * 3600 * 1000)
                .toISOString()
                .slice(0, 10),
            },
          },
        },
      },
    })
    const page = await openConsentPage(flow.authUrl)
    expect(page.html).toContain('Set up a standing order')
    expect(page.html).toContain('£900.00')
    const { claims } = await finish(
      t,
      flow,
      await approveConsent(page.url, { cookieJar: page.jar }),
    )
    const id = claimString(claims, 'mh:standing_order')
    const read = await call(
      `${t.sim.identityUrl}/standing-orders/${id}`,
      await clientToken(t, 'payment:read'),
    )
    expect(read.status).toBe(200)
    expect((read.body as { data: { status: string } }).data.status).toBe('InitiationCompleted')
  })
})

describe('VRP consent', () => {
  it('creates a recurring payment consent, pays under it, confirms funds and revokes it', async () => {
    const payeeId = await createPayee()
    const today = new Date().toISOString().slice(0, 10)
    const flow = await pushSigned(t, {
      scope: `recurring_payment:create openid ${bank}`,
      claims: {
        id_token: {
          'mh:con_id': { essential: true },
          'mh:recurring_payment': {
            essential: true,
            value: {
              payeeId,
              reference: 'Sweep',
              validFromDate: today,
              maximumIndividualAmount: 50000,
              currency: 'GBP',
              periodicLimits: [
                {
                  amount: 200000,
                  currency: 'GBP',
                  periodType: 'Month',
                  periodAlignment: 'Calendar',
                },
              ],
              type: ['Sweeping'],
            },
          },
        },
      },
    })
    const { claims } = await finish(t, flow, await approveConsent(flow.authUrl))
    const id = claimString(claims, 'mh:recurring_payment')
    const base = `${t.sim.identityUrl}/recurring-payments/${id}`

    const read = await call(base, await clientToken(t, 'recurring_payment:read'))
    expect((read.body as { data: { status: string } }).data.status).toBe('Authorised')

    const create = await clientToken(t, 'recurring_payment:create')
    const paid = await call(`${base}/pay`, create, {
      method: 'POST',
      body: { amount: 1500, payeeRef: 'Sweep', payerRef: 'Sweep' },
    })
    expect(paid.status).toBe(200)
    expect((paid.body as { data: { status: string } }).data.status).toBe('completed')
    const tooMuch = await call(`${base}/pay`, create, {
      method: 'POST',
      body: { amount: 60000, payeeRef: 'A', payerRef: 'B' },
    })
    expect(tooMuch.status).toBe(400)

    const funds = await call(
      `${base}/funds-confirmation`,
      await clientToken(t, 'recurring_payment:funds_confirmation'),
      {
        method: 'POST',
        body: { amount: '10.00', currency: 'GBP' },
      },
    )
    expect((funds.body as { data: { fundsAvailable: boolean } }).data.fundsAvailable).toBe(true)

    expect((await call(base, create, { method: 'DELETE' })).status).toBe(204)
    const after = await call(`${base}/pay`, create, {
      method: 'POST',
      body: { amount: 100, payeeRef: 'A', payerRef: 'B' },
    })
    expect(after.status).toBe(403)
  })
})

describe('request-object rules for payments', () => {
  it('refuses a payment from a client whose request-object alg is none', async () => {
    const none = await startWithClient({ request_object_signing_alg: 'none' })
    try {
      const oauth = await import('oauth4webapi')
      const response = await oauth.pushedAuthorizationRequest(
        none.as,
        none.client,
        none.auth,
        {
          response_type: 'code',
          redirect_uri: none.redirectUri,
          scope: `payment openid ${bank}`,
          claims: JSON.stringify({
            id_token: {
              'mh:payment': {
                essential: true,
                value: { amount: 1, payee, payeeRef: 'A', payerRef: 'B' },
              },
            },
          }),
        },
        none.options,
      )
      await expect(
        oauth.processPushedAuthorizationResponse(none.as, none.client, response),
      ).rejects.toMatchObject({
        error: 'invalid_request',
      })
    } finally {
      await none.sim.close()
    }
  })
})

describe('reverse payment', () => {
  it('refunds a reversible payment; the ID token names both payments', async () => {
    const payeeId = await createPayee()
    const pay = await pushSigned(t, {
      scope: `payment openid ${bank}`,
      claims: {
        id_token: {
          'mh:payment': {
            essential: true,
            value: {
              amount: 700,
              payeeId,
              payeeRef: 'R1',
              payerRef: 'R2',
              readRefundAccount: true,
            },
          },
        },
      },
    })
    const paid = await finish(t, pay, await approveConsent(pay.authUrl))
    const paymentId = claimString(paid.claims, 'mh:payment')

    const refund = await pushSigned(t, {
      scope: `reverse_payment openid ${bank}`,
      claims: {
        id_token: {
          'mh:payment': { essential: true },
          'mh:reverse_payment': { essential: true, value: { paymentId } },
        },
      },
    })
    const { claims } = await finish(t, refund, await approveConsent(refund.authUrl))
    expect(claims['mh:payment']).toBe(paymentId)
    const reverseId = claimString(claims, 'mh:reverse_payment')
    const read = await call(
      `${t.sim.identityUrl}/payments/${reverseId}`,
      await clientToken(t, 'payment:read'),
    )
    expect((read.body as { data: { amount: number; status: string } }).data).toMatchObject({
      amount: 700,
      status: 'completed',
    })
  })
})
