/**
 * Test support (never re-exported): a recording `fetch` that answers with real `Response`
 * objects, an identity-service signing key, and a client wired to both.
 */
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose'
import { expect } from 'vitest'
import { createMoneyhubClient } from '../../src/moneyhub/client'
import { MoneyhubError, type MoneyhubErrorCode } from '../../src/moneyhub/errors'
import { generateClientKey, loadClientKeys, type ClientKeys } from '../../src/moneyhub/keys'
import type { MoneyhubClient, MoneyhubClientOptions } from '../../src/moneyhub/client'

export const ISSUER = 'https://identity.test/oidc'
export const IDENTITY = 'https://identity.test'
export const API = 'https://api.test/v3'
export const CLIENT_ID = 'client-1'
export const REDIRECT_URI = 'https://app.test/api/callback'

/** One recorded outbound request. */
interface RecordedCall {
  method: string
  url: string
  headers: Headers
  body: string
}

type Handler = (call: RecordedCall) => Response | Promise<Response>

/** JSON `Response` helper. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}

/** A fake upstream: routes by `METHOD url-without-query`, records every call. */
class FakeUpstream {
  readonly calls: RecordedCall[] = []
  private readonly routes = new Map<string, Handler[]>()

  /** Answer every matching request with `handler` (or queue several with `once`). */
  on(method: string, url: string, handler: Handler): this {
    this.routes.set(`${method} ${url}`, [handler])
    return this
  }

  /** Queue one answer; queued answers are used in order, the last one repeats. */
  once(method: string, url: string, handler: Handler): this {
    const key = `${method} ${url}`
    const list = this.routes.get(key)
    if (list && (list as Handler[] & { queued?: boolean }).queued) list.push(handler)
    else {
      const queued = Object.assign([handler], { queued: true })
      this.routes.set(key, queued)
    }
    return this
  }

  /** Calls whose URL path (no query) equals `url`. */
  callsTo(url: string, method?: string): RecordedCall[] {
    return this.calls.filter(
      (c) => c.url.split('?')[0] === url && (method === undefined || c.method === method),
    )
  }

  readonly fetch = async (input: string, init: RequestInit): Promise<Response> => {
    const headers = new Headers(init.headers)
    const body =
      init.body === undefined || init.body === null
        ? ''
        : typeof init.body === 'string'
          ? init.body
          : init.body instanceof URLSearchParams
            ? init.body.toString()
            : '[binary]'
    const call: RecordedCall = { method: init.method ?? 'GET', url: input, headers, body }
    this.calls.push(call)
    init.signal?.throwIfAborted()
    const key = `${call.method} ${input.split('?')[0]}`
    const list = this.routes.get(key)
    if (!list || list.length === 0) return json({ code: 'no_route', message: key }, 404)
    const handler = list.length > 1 ? (list.shift() as Handler) : (list[0] as Handler)
    const signal = init.signal
    if (!signal) return handler(call)
    // Behave like fetch: an abort rejects the pending request.
    return Promise.race([
      handler(call),
      new Promise<never>((_, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true })
      }),
    ])
  }
}

/** The discovery document the fake identity service serves. */
export function discoveryDocument(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    issuer: ISSUER,
    authorization_endpoint: `${ISSUER}/auth`,
    token_endpoint: `${ISSUER}/token`,
    pushed_authorization_request_endpoint: `${ISSUER}/request`,
    jwks_uri: `${ISSUER}/certs`,
    response_types_supported: ['code'],
    id_token_signing_alg_values_supported: ['RS256', 'PS256', 'ES256'],
    authorization_response_iss_parameter_supported: true,
    ...overrides,
  }
}

/** Everything a unit test needs. */
export interface Harness {
  up: FakeUpstream
  client: MoneyhubClient
  keys: ClientKeys
  asKey: CryptoKey
  asJwk: JWK
  clock: { now: number }
  sleeps: number[]
  /** Sign an ID token with the identity key (override claims, header or key). */
  idToken(
    claims?: Record<string, unknown>,
    options?: { alg?: string; kid?: string; key?: CryptoKey; omit?: string[] },
  ): Promise<string>
  makeClient(overrides?: Partial<MoneyhubClientOptions>): MoneyhubClient
}

let cachedKeys: Promise<ClientKeys> | undefined
let cachedAsKey: Promise<{ privateKey: CryptoKey; publicKey: CryptoKey }> | undefined

/**
 * Build a fake upstream with discovery and JWKS routes and a client pointing at it. The clock
 * starts at the host time so oauth4webapi and jose agree; tests move it with `clock.now`.
 */
export async function harness(overrides: Partial<MoneyhubClientOptions> = {}): Promise<Harness> {
  cachedKeys ??= generateClientKey('ES256').then((jwk) => loadClientKeys({ jwk }))
  cachedAsKey ??= generateKeyPair('RS256')
  const keys = await cachedKeys
  const { privateKey: asKey, publicKey } = await cachedAsKey
  const asJwk: JWK = { ...(await exportJWK(publicKey)), kid: 'as-1', alg: 'RS256', use: 'sig' }
  const up = new FakeUpstream()
  up.on('GET', `${ISSUER}/.well-known/openid-configuration`, () => json(discoveryDocument()))
  up.on('GET', `${ISSUER}/certs`, () => json({ keys: [asJwk] }))
  const clock = { now: Date.now() }
  const sleeps: number[] = []
  const makeClient = (extra: Partial<MoneyhubClientOptions> = {}) =>
    createMoneyhubClient({
      issuer: ISSUER,
      clientId: CLIENT_ID,
      redirectUri: REDIRECT_URI,
      keys,
      apiUrl: API,
      fetch: up.fetch,
      now: () => clock.now,
      retry: {
        random: () => 0.5,
        sleep: (ms) => {
          sleeps.push(ms)
          return Promise.resolve()
        },
      },
      ...overrides,
      ...extra,
    })
  return {
    up,
    keys,
    asKey,
    asJwk,
    clock,
    sleeps,
    makeClient,
    client: makeClient(),
    idToken: async (claims = {}, options = {}) => {
      const nowS = Math.floor(clock.now / 1000)
      const payload: Record<string, unknown> = {
        iss: ISSUER,
        sub: 'user-1',
        aud: CLIENT_ID,
        iat: nowS,
        exp: nowS + 3600,
        nonce: 'nonce-1',
        ...claims,
      }
      for (const name of options.omit ?? []) delete payload[name]
      return new SignJWT(payload)
        .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: options.kid ?? 'as-1' })
        .sign(options.key ?? asKey)
    },
  }
}

/** Expects the promise to reject with a `MoneyhubError` of `code`; answers that error. */
export async function expectCode(
  promise: Promise<unknown>,
  code: MoneyhubErrorCode,
): Promise<MoneyhubError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(MoneyhubError)
  expect((err as MoneyhubError).code).toBe(code)
  return err as MoneyhubError
}
