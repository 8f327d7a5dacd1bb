import { Moneyhub } from '@mft/moneyhub-api-client'
import { exportJWK, generateKeyPair } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { approveConsent, MOCK_BANK_ID, startSimulator, type RunningSimulator } from '../src/index'

// Moneyhub's official Node client (`@mft/moneyhub-api-client`) against the simulator: its
// payment helpers build a signed request object, POST it to the legacy `/request` endpoint
// and redirect with the URN it answers (docs/moneyhub-protocol.md §3.6).

const REDIRECT_URI = 'http://127.0.0.1:5173/api/callback'
let sim: RunningSimulator
let moneyhub: Awaited<ReturnType<typeof Moneyhub>>

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('PS256', { extractable: true })
  const kid = 'official-client'
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'PS256', use: 'sig' }
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'PS256', use: 'sig' }
  sim = await startSimulator({
    clients: [
      {
        client_id: 'official-client',
        jwks: { keys: [publicJwk] },
        redirect_uris: [REDIRECT_URI],
        token_endpoint_auth_method: 'private_key_jwt',
        request_object_signing_alg: 'PS256',
        id_token_signed_response_alg: 'PS256',
      },
    ],
  })
  moneyhub = await Moneyhub({
    resourceServerUrl: sim.apiUrl,
    identityServiceUrl: sim.identityUrl,
    client: {
      client_id: 'official-client',
      token_endpoint_auth_method: 'private_key_jwt',
      id_token_signed_response_alg: 'PS256',
      request_object_signing_alg: 'PS256',
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      keys: [privateJwk],
    },
  } as Parameters<typeof Moneyhub>[0])
})
afterAll(async () => {
  await sim.close()
})

/** Approve at the bank pages and exchange the code with the official client; the ID token claims. */
async function complete(url: string, state: string, nonce: string) {
  const callback = new URL(await approveConsent(url))
  const tokens: unknown = await moneyhub.exchangeCodeForTokens({
    paramsFromCallback: Object.fromEntries(callback.searchParams),
    localParams: { state, nonce },
  })
  return (tokens as { claims: () => Record<string, unknown> }).claims()
}

let paidId = ''
let officialPayeeId = ''

describe("Moneyhub's official Node client", () => {
  it('starts a payment with getPaymentAuthorizeUrl through POST /request; the bank pages complete it', async () => {
    const payee = await moneyhub.addPayee({
      accountNumber: '12345678',
      sortCode: '123456',
      name: 'Acme Supplies',
    })
    const payeeId = (payee as { data: { id: string } }).data.id
    const state = 'official-state'
    const nonce = 'official-nonce'
    const url = await moneyhub.getPaymentAuthorizeUrl({
      bankId: MOCK_BANK_ID,
      payeeId,
      amount: 1999,
      payeeRef: 'INV42',
      payerRef: 'ORDER42',
      readRefundAccount: true,
      state,
      nonce,
    })
    expect(url).toMatch(/\/oidc\/auth\?request_uri=urn:x-mh-request:[0-9a-f-]{36}$/)
    expect((await sim.admin.counters())['POST /request']).toBe(1)

    const callback = new URL(await approveConsent(url))
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI)
    // openid-client's TokenSet (the client's return type) is not resolvable from here.
    const tokens: unknown = await moneyhub.exchangeCodeForTokens({
      paramsFromCallback: Object.fromEntries(callback.searchParams),
      localParams: { state, nonce },
    })
    const paymentId = (tokens as { claims: () => Record<string, unknown> }).claims()['mh:payment']
    expect(paymentId).toMatch(/^[0-9a-f-]{36}$/)
    paidId = String(paymentId)
    officialPayeeId = payeeId

    const read = (await moneyhub.getPayment({ id: String(paymentId) })) as {
      data: { amount: number; payeeId: string; payeeRef: string; status: string }
    }
    expect(read.data).toMatchObject({
      amount: 1999,
      payeeId,
      payeeRef: 'INV42',
      status: 'completed',
    })
  })

  it('starts a refund, a VRP consent and a standing order through POST /request', async () => {
    const urn = /request_uri=urn:x-mh-request:[0-9a-f-]{36}$/
    const refundUrl = await moneyhub.getReversePaymentAuthorizeUrl({
      bankId: MOCK_BANK_ID,
      paymentId: paidId,
      amount: 999,
      state: 'refund-state',
      nonce: 'refund-nonce',
    })
    expect(refundUrl).toMatch(urn)
    const refund = await complete(refundUrl, 'refund-state', 'refund-nonce')
    expect(refund['mh:payment']).toBe(paidId)
    expect(refund['mh:reverse_payment']).toMatch(/^[0-9a-f-]{36}$/)

    const today = new Date().toISOString().slice(0, 10)
    const vrpUrl = await moneyhub.getRecurringPaymentAuthorizeUrl({
      bankId: MOCK_BANK_ID,
      payeeId: officialPayeeId,
      reference: 'Sweep',
      validFromDate: today,
      maximumIndividualAmount: 5000,
      currency: 'GBP',
      periodicLimits: [
        { amount: 8000, currency: 'GBP', periodType: 'Month', periodAlignment: 'Consent' },
      ],
      type: ['Sweeping'],
      context: 'PartyToParty',
      state: 'vrp-state',
      nonce: 'vrp-nonce',
      // The client's 5.2.1 types want `type` as a string and a `userId`; Moneyhub takes an
      // array (docs/moneyhub-protocol.md §4.8) and the helper sends `sub` only when given one.
    } as unknown as Parameters<typeof moneyhub.getRecurringPaymentAuthorizeUrl>[0])
    expect(vrpUrl).toMatch(urn)
    const vrp = await complete(vrpUrl, 'vrp-state', 'vrp-nonce')
    const recurringPaymentId = String(vrp['mh:recurring_payment'])
    const payment = { amount: 5000, payeeRef: 'Sweep', payerRef: 'Sweep' }
    const paid = (await moneyhub.makeRecurringPayment({ recurringPaymentId, payment })) as {
      data: { status: string }
    }
    expect(paid.data.status).toBe('completed')
    // 5000 more would pass the 8000 monthly limit: Moneyhub's error body, a 400.
    const refused: unknown = await moneyhub
      .makeRecurringPayment({ recurringPaymentId, payment })
      .catch((error: unknown) => error)
    const response = (refused as { response?: { statusCode: number; body: string } }).response
    expect(response?.statusCode).toBe(400)
    expect(JSON.parse(response?.body ?? '{}')).toMatchObject({ code: 'limit_exceeded' })

    const standingOrderUrl = await moneyhub.getStandingOrderAuthorizeUrl({
      bankId: MOCK_BANK_ID,
      payeeId: officialPayeeId,
      reference: 'Rent',
      frequency: { repeat: 'Monthly', day: 1 },
      numberOfPayments: 12,
      firstPaymentAmount: 90000,
      currency: 'GBP',
      firstPaymentDate: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString().slice(0, 10),
      context: 'PartyToParty',
      state: 'so-state',
      nonce: 'so-nonce',
    } as Parameters<typeof moneyhub.getStandingOrderAuthorizeUrl>[0])
    expect(standingOrderUrl).toMatch(urn)
    const order = await complete(standingOrderUrl, 'so-state', 'so-nonce')
    expect(order['mh:standing_order']).toMatch(/^[0-9a-f-]{36}$/)
    expect((await sim.admin.counters())['POST /request']).toBe(4)
  })
})
