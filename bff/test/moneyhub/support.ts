/**
 * Integration-test support: an in-process simulator registered with freshly generated client
 * keys, a Moneyhub client pointed at it, and a helper that runs one authorisation end to end by
 * posting the simulator's consent form over HTTP.
 */
import { approveConsent, denyConsent, startSimulator, type RunningSimulator } from '@mhkit/sim'
import type { ClaimsRequest } from '@mhkit/shared'
import {
  createMoneyhubClient,
  generateClientKey,
  generateCodeVerifier,
  generateNonce,
  generateState,
  loadClientKeys,
  publicJwks,
  type ClientKeys,
  type ExchangeCodeResult,
  type ExpectedClaims,
  type MoneyhubClient,
  type MoneyhubClientOptions,
} from '../../src/moneyhub'

const CLIENT_ID = 'bff-integration'
const REDIRECT_URI = 'http://127.0.0.1:5173/api/callback'

export interface SimHarness {
  sim: RunningSimulator
  keys: ClientKeys
  mh: MoneyhubClient
  makeClient(extra?: Partial<MoneyhubClientOptions>): MoneyhubClient
  /** PAR → consent page (Approve or Deny) → exchangeCode. */
  authorise(input: {
    scope: string
    claims: ClaimsRequest
    sub?: string
    expectedClaims?: ExpectedClaims
    deny?: boolean
    client?: MoneyhubClient
  }): Promise<ExchangeCodeResult>
  close(): Promise<void>
}

/** Start a simulator and a client wired to it. */
export async function startHarness(): Promise<SimHarness> {
  const keys = await loadClientKeys({ jwk: await generateClientKey('PS256') })
  const sim = await startSimulator({
    clients: [{ client_id: CLIENT_ID, jwks: publicJwks(keys), redirect_uris: [REDIRECT_URI] }],
  })
  const makeClient = (extra: Partial<MoneyhubClientOptions> = {}) =>
    createMoneyhubClient({
      issuer: sim.issuer,
      clientId: CLIENT_ID,
      redirectUri: REDIRECT_URI,
      keys,
      apiUrl: sim.apiUrl,
      identityUrl: sim.identityUrl,
      allowInsecureLoopback: true,
      idTokenAlg: 'PS256',
      retry: { sleep: () => Promise.resolve() },
      ...extra,
    })
  const mh = makeClient()
  return {
    sim,
    keys,
    mh,
    makeClient,
    authorise: async ({ scope, claims, sub, expectedClaims, deny, client = mh }) => {
      const state = generateState()
      const nonce = generateNonce()
      const codeVerifier = generateCodeVerifier()
      const par = await client.pushedAuthorisationRequest({
        scope,
        claims,
        state,
        nonce,
        codeVerifier,
      })
      const callback = deny ? await denyConsent(par.url) : await approveConsent(par.url)
      return client.exchangeCode({
        callbackParams: new URL(callback),
        expectedState: state,
        expectedNonce: nonce,
        codeVerifier,
        ...(sub !== undefined ? { sub } : {}),
        ...(expectedClaims !== undefined ? { expectedClaims } : {}),
      })
    },
    close: () => sim.close(),
  }
}
