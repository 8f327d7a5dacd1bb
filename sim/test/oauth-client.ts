import * as oauth from 'oauth4webapi'
import { exportJWK, generateKeyPair, type CryptoKey as JoseKey, type JWK } from 'jose'

import {
  approveConsent,
  CookieJar,
  MOCK_BANK_ID,
  startSimulator,
  type RunningSimulator,
  type SimClient,
  type SimulatorOptions,
} from '../src/index'

/** A test relying party: real oauth4webapi calls against a running simulator. */
export interface TestClient {
  sim: RunningSimulator
  as: oauth.AuthorizationServer
  client: oauth.Client
  auth: oauth.ClientAuth
  key: { key: JoseKey; kid: string }
  /** The client's public key as registered (`kid`, `alg`, `use` set). */
  publicJwk: JWK
  redirectUri: string
  options: { [oauth.allowInsecureRequests]: true }
}

export const REDIRECT_URI = 'http://127.0.0.1:5173/api/callback'

/**
 * Start a simulator with one private_key_jwt client whose keys are generated here, and discover
 * it with oauth4webapi.
 */
export async function startWithClient(
  // `undefined` removes a default (e.g. `jwks: undefined` for a client with only a jwks_uri).
  overrides: { [K in keyof SimClient]?: SimClient[K] | undefined } = {},
  simOptions: SimulatorOptions = {},
  alg: 'PS256' | 'ES256' = 'PS256',
): Promise<TestClient> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true })
  const kid = `test-${alg}`
  const jwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' }
  // The overrides may remove a default with `undefined`; what is left is a SimClient.
  const simClient = {
    client_id: 'test-client',
    jwks: { keys: [jwk] },
    redirect_uris: [REDIRECT_URI],
    token_endpoint_auth_method: 'private_key_jwt',
    request_object_signing_alg: alg,
    id_token_signed_response_alg: alg,
    ...overrides,
  } as SimClient
  const sim = await startSimulator({ clients: [simClient], ...simOptions })
  const options = { [oauth.allowInsecureRequests]: true } as const
  const issuer = new URL(sim.issuer)
  const as = await oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, options),
  )
  const client: oauth.Client = {
    client_id: simClient.client_id,
    id_token_signed_response_alg: simClient.id_token_signed_response_alg ?? alg,
  }
  const auth =
    simClient.token_endpoint_auth_method === 'client_secret_basic'
      ? oauth.ClientSecretBasic(simClient.client_secret ?? '')
      : oauth.PrivateKeyJwt({ key: privateKey, kid })
  return {
    sim,
    as,
    client,
    auth,
    key: { key: privateKey, kid },
    publicJwk: jwk,
    redirectUri: REDIRECT_URI,
    options,
  }
}

/** Everything a flow needs to finish. */
export interface StartedFlow {
  authUrl: string
  state: string
  nonce: string
  verifier: string
}

/** PAR with a signed request object (private_key_jwt), as the kit's BFF does. */
export async function pushSigned(
  t: TestClient,
  params: { scope: string; claims?: unknown },
): Promise<StartedFlow> {
  const state = oauth.generateRandomState()
  const nonce = oauth.generateRandomNonce()
  const verifier = oauth.generateRandomCodeVerifier()
  const parameters: Record<string, string> = {
    response_type: 'code',
    redirect_uri: t.redirectUri,
    scope: params.scope,
    state,
    nonce,
    prompt: 'consent',
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  }
  if (params.claims !== undefined) parameters.claims = JSON.stringify(params.claims)
  const request = await oauth.issueRequestObject(t.as, t.client, parameters, t.key)
  const response = await oauth.pushedAuthorizationRequest(
    t.as,
    t.client,
    t.auth,
    { request },
    t.options,
  )
  const { request_uri } = await oauth.processPushedAuthorizationResponse(t.as, t.client, response)
  const url = new URL(t.as.authorization_endpoint ?? '')
  url.searchParams.set('request_uri', request_uri)
  return { authUrl: url.href, state, nonce, verifier }
}

/** Validate the callback and exchange the code; returns the token response and ID token claims. */
export async function finish(
  t: TestClient,
  flow: StartedFlow,
  callbackUrl: string,
  extra?: Record<string, string>,
) {
  const params = oauth.validateAuthResponse(t.as, t.client, new URL(callbackUrl), flow.state)
  const response = await oauth.authorizationCodeGrantRequest(
    t.as,
    t.client,
    t.auth,
    params,
    t.redirectUri,
    flow.verifier,
    { ...t.options, ...(extra ? { additionalParameters: extra } : {}) },
  )
  const tokens = await oauth.processAuthorizationCodeResponse(t.as, t.client, response, {
    expectedNonce: flow.nonce,
    requireIdToken: true,
  })
  const claims = oauth.getValidatedIdTokenClaims(tokens)
  if (!claims) throw new Error('no ID token')
  return { tokens, claims, code: params.get('code') ?? '' }
}

/** A client_credentials token (optionally for a user via `sub`). */
export async function clientToken(t: TestClient, scope: string, sub?: string): Promise<string> {
  const response = await oauth.clientCredentialsGrantRequest(
    t.as,
    t.client,
    t.auth,
    { scope, ...(sub ? { sub } : {}) },
    t.options,
  )
  const tokens = await oauth.processClientCredentialsResponse(t.as, t.client, response)
  return tokens.access_token
}

/** GET/POST JSON with a bearer token. */
export async function call(
  url: string,
  token: string | undefined,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? null : JSON.stringify(init.body),
  })
  const text = await response.text()
  let body: unknown = text
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    // malformed bodies stay text
  }
  return { status: response.status, body, headers: response.headers }
}

/**
 * Follow the authorisation URL to the page the user sees (keeping cookies), without acting on
 * it; `approveConsent(page.url, { cookieJar: page.jar })` then continues from there.
 */
export async function openConsentPage(
  authUrl: string,
): Promise<{ html: string; url: string; jar: CookieJar }> {
  const jar = new CookieJar()
  let url = authUrl
  for (let step = 0; step < 10; step += 1) {
    const cookie = jar.header(url)
    const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} })
    jar.store(url, response)
    const location = response.headers.get('location')
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url).href
      continue
    }
    return { html: await response.text(), url, jar }
  }
  throw new Error('too many redirects')
}

/** A string claim of an ID token, failing the test when it is missing or not a string. */
export function claimString(claims: Record<string, unknown>, name: string): string {
  const value = claims[name]
  if (typeof value !== 'string') throw new Error(`ID token claim ${name} is not a string`)
  return value
}

/**
 * Connect a new Moneyhub user to the mock bank (PAR, Approve, code exchange) and return the
 * user id and connection id the ID token carried.
 */
export async function connectUser(
  t: TestClient,
  scope = `openid id:${MOCK_BANK_ID}`,
): Promise<{ userId: string; connectionId: string }> {
  const flow = await pushSigned(t, {
    scope,
    claims: { id_token: { sub: { essential: true }, 'mh:con_id': { essential: true } } },
  })
  const { claims } = await finish(t, flow, await approveConsent(flow.authUrl))
  return { userId: claims.sub, connectionId: claimString(claims, 'mh:con_id') }
}
