import * as oauth from 'oauth4webapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { approveConsent, MOCK_BANK_ID } from '../src/index'
import { finish, startWithClient, type StartedFlow, type TestClient } from './oauth-client'

// The legacy request-object endpoint `POST /request` on the identity host
// (docs/moneyhub-protocol.md §3.6).

let t: TestClient

beforeAll(async () => {
  t = await startWithClient()
})
afterAll(async () => {
  await t.sim.close()
})

const payment = {
  id_token: {
    'mh:con_id': { essential: true },
    'mh:payment': {
      essential: true,
      value: {
        amount: 500,
        payee: { name: 'Acme', sortCode: '123456', accountNumber: '12345678' },
        payeeRef: 'INV1',
        payerRef: 'ORDER1',
      },
    },
  },
}

/** A signed request object as the official client builds it (exp now + 300 s). */
async function signedObject(
  claims: unknown = payment,
): Promise<Omit<StartedFlow, 'authUrl'> & { jws: string }> {
  const state = oauth.generateRandomState()
  const nonce = oauth.generateRandomNonce()
  const verifier = oauth.generateRandomCodeVerifier()
  const jws = await oauth.issueRequestObject(
    t.as,
    t.client,
    {
      response_type: 'code',
      redirect_uri: t.redirectUri,
      scope: `payment openid id:${MOCK_BANK_ID}`,
      state,
      nonce,
      prompt: 'consent',
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      claims: JSON.stringify(claims),
    },
    t.key,
  )
  return { jws, state, nonce, verifier }
}

async function postRequest(body: string, contentType = 'application/jws') {
  const response = await fetch(`${t.sim.identityUrl}/request`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  })
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  }
}

function authUrl(urn: string): string {
  return `${t.sim.issuer}/auth?request_uri=${urn}`
}

describe('POST /request (legacy request-object endpoint)', () => {
  it('answers a plain-text urn:x-mh-request URN that /oidc/auth takes as request_uri', async () => {
    const object = await signedObject()
    const answer = await postRequest(object.jws)
    expect(answer.status).toBe(200)
    expect(answer.type).toMatch(/^text\/plain/)
    expect(answer.text).toMatch(/^urn:x-mh-request:[0-9a-f-]{36}$/)
    const { claims } = await finish(
      t,
      { ...object, authUrl: '' },
      await approveConsent(authUrl(answer.text)),
    )
    expect(claims['mh:payment']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('also accepts the old docs form with client_id and scope beside the URN', async () => {
    const object = await signedObject()
    const { text: urn } = await postRequest(object.jws)
    const url = `${authUrl(urn)}&client_id=test-client&scope=openid`
    const callback = new URL(await approveConsent(url))
    expect(callback.searchParams.get('code')).toBeTruthy()
    expect(callback.searchParams.get('state')).toBe(object.state)
  })

  it('makes the URN single use', async () => {
    const { text: urn } = await postRequest((await signedObject()).jws)
    await approveConsent(authUrl(urn))
    const again = await fetch(authUrl(urn), { redirect: 'manual' })
    expect(again.status).toBe(400)
    expect(await again.text()).toMatch(/^invalid_request_uri/)
  })

  it('lets the URN expire on the simulator clock', async () => {
    const { text: urn } = await postRequest((await signedObject()).jws)
    await t.sim.admin.advanceClock(61)
    const late = await fetch(authUrl(urn), { redirect: 'manual' })
    expect(late.status).toBe(400)
    expect(await late.text()).toMatch(/^invalid_request_uri/)
  })

  it('refuses a URN sent with another client_id', async () => {
    const { text: urn } = await postRequest((await signedObject()).jws)
    const response = await fetch(`${authUrl(urn)}&client_id=someone-else`, { redirect: 'manual' })
    expect(response.status).toBe(400)
  })

  it('refuses another content type with 415 invalid_request', async () => {
    const answer = await postRequest(
      (await signedObject()).jws,
      'application/x-www-form-urlencoded',
    )
    expect(answer.status).toBe(415)
    expect(JSON.parse(answer.text)).toMatchObject({ error: 'invalid_request' })
  })

  it('refuses a body that is not a compact JWS', async () => {
    const answer = await postRequest('not-a-jws')
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.text)).toMatchObject({ error: 'invalid_request_object' })
  })

  it('refuses a request object naming an unknown client with 401 invalid_client', async () => {
    const [header, , signature] = (await signedObject()).jws.split('.')
    const payload = Buffer.from(JSON.stringify({ client_id: 'nobody', iss: 'nobody' })).toString(
      'base64url',
    )
    const answer = await postRequest(`${String(header)}.${payload}.${String(signature)}`)
    expect(answer.status).toBe(401)
    expect(JSON.parse(answer.text)).toMatchObject({ error: 'invalid_client' })
  })

  it('refuses an unsigned object from a client that must sign', async () => {
    const header = Buffer.from(
      JSON.stringify({ alg: 'none', typ: 'oauth-authz-req+jwt' }),
    ).toString('base64url')
    const payload = Buffer.from(
      JSON.stringify({ client_id: 'test-client', iss: 'test-client' }),
    ).toString('base64url')
    const answer = await postRequest(`${header}.${payload}.`)
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.text)).toMatchObject({ error: 'invalid_request_object' })
  })

  it('leaves the signature to /oidc/auth, which refuses a tampered object', async () => {
    const [header, payload, signature] = (await signedObject()).jws.split('.')
    const claims = JSON.parse(Buffer.from(String(payload), 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >
    const forged = Buffer.from(JSON.stringify({ ...claims, scope: 'openid id:all' })).toString(
      'base64url',
    )
    const answer = await postRequest(`${String(header)}.${forged}.${String(signature)}`)
    expect(answer.status).toBe(200)
    // oidc-provider answers with an error redirect to the client's only redirect_uri.
    const callback = new URL(await approveConsent(authUrl(answer.text)))
    expect(callback.searchParams.get('error')).toBe('invalid_request_object')
    expect(callback.searchParams.get('code')).toBeNull()
  })
})
