import { Moneyhub } from '@mft/moneyhub-api-client'
import { exportJWK, generateKeyPair } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { approveConsent, MOCK_BANK_ID, startSimulator, type RunningSimulator } from '../src/index'

// Moneyhub's official Node client (`@mft/moneyhub-api-client`) against the simulator: its
// payment helpers build a signed request object, POST it to the legacy `/request` endpoint
// and redirect with the URN it answers (protocol §3.6).

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
})
