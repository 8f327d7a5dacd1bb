/**
 * The per-client context shared by every operation: configuration, transport, and the
 * oauth4webapi client / auth / request options built from them.
 */
import * as oauth from 'oauth4webapi'
import type { IdTokenAlg } from '../id-token'
import type { ClientKeys, MoneyhubAuthMethod } from '../keys'
import type { DiscoveryDocument } from '../discovery'
import { oauthRequestOptions, type OauthRequestOptions, type Transport } from './transport'

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
  discovery: () => Promise<DiscoveryDocument>
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

/** Client authentication for the token and PAR endpoints (docs/moneyhub-protocol.md §2). */
export function clientAuth(ctx: ClientContext): oauth.ClientAuth {
  if (typeof ctx.authMethod === 'object')
    return oauth.ClientSecretBasic(ctx.authMethod.clientSecretBasic)
  return oauth.PrivateKeyJwt({ key: ctx.keys.signing.privateKey, kid: ctx.keys.signing.kid })
}

/** Request options that route oauth4webapi through the client's transport. */
export function httpOptions(ctx: ClientContext): OauthRequestOptions {
  return oauthRequestOptions(ctx.t)
}
