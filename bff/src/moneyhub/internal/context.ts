/**
 * The per-client context shared by every operation: configuration, transport, and the
 * oauth4webapi client / auth / request options built from them.
 */
import * as oauth from 'oauth4webapi'
import type { ClientKeys } from '../keys'
import type { IdTokenAlg, MoneyhubAuthMethod } from '../types'
import { send, type Transport } from './transport'

export interface ClientContext {
  t: Transport
  issuer: string
  clientId: string
  redirectUri: string
  keys: ClientKeys
  apiUrl: string
  identityUrl: string
  authMethod: MoneyhubAuthMethod
  idTokenAlg: IdTokenAlg
  toleranceSeconds: number
  discovery: () => Promise<oauth.AuthorizationServer>
}

/**
 * The oauth4webapi client. `clockSkew` carries the offset between the injected clock and the
 * host clock, so assertions, request objects and ID-token checks all follow `now()`.
 */
export function oauthClient(ctx: ClientContext): oauth.Client {
  return {
    client_id: ctx.clientId,
    id_token_signed_response_alg: ctx.idTokenAlg,
    [oauth.clockSkew]: Math.round((ctx.t.now() - Date.now()) / 1000),
    [oauth.clockTolerance]: ctx.toleranceSeconds,
  }
}

/** Client authentication for the token and PAR endpoints (protocol §2). */
export function clientAuth(ctx: ClientContext): oauth.ClientAuth {
  if (typeof ctx.authMethod === 'object')
    return oauth.ClientSecretBasic(ctx.authMethod.clientSecretBasic)
  return oauth.PrivateKeyJwt({ key: ctx.keys.signing.privateKey, kid: ctx.keys.signing.kid })
}

/**
 * Request options that route oauth4webapi through our transport (timeouts, retries for GET
 * only, https enforcement). `allowInsecureRequests` is set only for loopback simulators.
 */
export function httpOptions(ctx: ClientContext): {
  [oauth.customFetch]: NonNullable<
    oauth.HttpRequestOptions<string, unknown>[typeof oauth.customFetch]
  >
  [oauth.allowInsecureRequests]: boolean
} {
  return {
    [oauth.customFetch]: (url, options) =>
      send(ctx.t, {
        method: options.method,
        url,
        kind: 'identity',
        headers: options.headers,
        body: options.body as RequestInit['body'],
        retry: options.method === 'GET',
      }),
    [oauth.allowInsecureRequests]: ctx.t.allowInsecureLoopback,
  }
}
