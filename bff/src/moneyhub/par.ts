/**
 * Pushed Authorisation Requests with a signed request object, and the authorisation URL
 * (docs/moneyhub-protocol.md §3, docs/security.md P3, P4, P5, P23).
 */
import * as oauth from 'oauth4webapi'
import { z } from 'zod'
import type { DiscoveryDocument } from './discovery'
import { MoneyhubError } from './errors'
import { clientAuth, httpOptions, oauthClient, type ClientContext } from './internal/context'
import { errorFromResponse } from './internal/responses'

/** A claims request as sent in the `claims` parameter (`@mhkit/shared` `ClaimsRequest` fits). */
export interface ClaimsRequestLike {
  id_token?: Record<string, unknown>
  userinfo?: Record<string, unknown>
}

/** Parameters of an authorisation request. */
export interface AuthorisationParams {
  scope: string
  claims?: ClaimsRequestLike
  state: string
  nonce: string
  codeVerifier: string
  /** Moneyhub only accepts `consent` (the default). */
  prompt?: 'consent'
}

/** Result of {@link MoneyhubClient.pushedAuthorisationRequest}. */
export interface PushedAuthorisation {
  requestUri: string
  expiresIn: number
  /** Where to send the browser: authorization_endpoint with client_id and request_uri. */
  url: string
}

const parBodySchema = z.looseObject({
  request_uri: z.string().min(1),
  expires_in: z.number().positive(),
})

function assertParams(params: AuthorisationParams): void {
  if (typeof params !== 'object' || params === null) throw new TypeError('params must be an object')
  for (const name of ['scope', 'state', 'nonce', 'codeVerifier'] as const) {
    if (typeof params[name] !== 'string' || params[name].length === 0) {
      throw new TypeError(`params.${name} must be a non-empty string`)
    }
  }
  if (params.nonce.length > 64) throw new TypeError('params.nonce must be at most 64 characters')
  if (params.codeVerifier.length < 43 || params.codeVerifier.length > 128) {
    throw new TypeError('params.codeVerifier must be 43–128 characters (RFC 7636)')
  }
  if (
    params.claims !== undefined &&
    (typeof params.claims !== 'object' || params.claims === null)
  ) {
    throw new TypeError('params.claims must be a claims request object')
  }
  if (params.prompt !== undefined && params.prompt !== 'consent') {
    throw new TypeError('Moneyhub only accepts prompt=consent')
  }
}

/**
 * Build and sign the request object (`typ: oauth-authz-req+jwt`, `aud` = issuer,
 * `iss` = `client_id`, `exp`/`nbf`/`iat`/`jti`) carrying every authorisation parameter.
 *
 * @throws TypeError for missing or malformed parameters
 */
async function signRequestObject(
  ctx: ClientContext,
  as: DiscoveryDocument,
  params: AuthorisationParams,
): Promise<string> {
  assertParams(params)
  const parameters = new URLSearchParams({
    response_type: 'code',
    redirect_uri: ctx.redirectUri,
    scope: params.scope,
    state: params.state,
    nonce: params.nonce,
    prompt: params.prompt ?? 'consent',
    code_challenge: await oauth.calculatePKCECodeChallenge(params.codeVerifier),
    code_challenge_method: 'S256',
  })
  if (params.claims !== undefined) parameters.set('claims', JSON.stringify(params.claims))
  return oauth.issueRequestObject(as, oauthClient(ctx), parameters, {
    key: ctx.keys.signing.privateKey,
    kid: ctx.keys.signing.kid,
  })
}

/**
 * Send a PAR with the signed request object and build the browser URL.
 *
 * @returns `request_uri`, `expires_in` and the URL
 *   (`authorization_endpoint?client_id=…&request_uri=…`, URL-encoded)
 * @throws TypeError for bad parameters; MoneyhubError `par_failed` (status not 201, not JSON,
 *   wrong types, OAuth error), `rate_limited`, `upstream_timeout`, `upstream_unavailable`
 * @see https://docs.moneyhubenterprise.com/docs/pushed-authorisation-requests-par
 */
export async function pushedAuthorisationRequest(
  ctx: ClientContext,
  params: AuthorisationParams,
): Promise<PushedAuthorisation> {
  assertParams(params)
  const as = await ctx.discovery()
  const request = await signRequestObject(ctx, as, params)
  const client = oauthClient(ctx)
  const response = await oauth.pushedAuthorizationRequest(
    as,
    client,
    clientAuth(ctx),
    { request },
    httpOptions(ctx),
  )
  if (response.status === 429) throw await errorFromResponse(response, ctx.t.now())
  let result: oauth.PushedAuthorizationResponse
  // oauth4webapi coerces a numeric string expires_in; docs/security.md P3 wants a real number.
  const copy = response.clone()
  try {
    result = await oauth.processPushedAuthorizationResponse(as, client, response)
    parBodySchema.parse(await copy.json())
  } catch (err) {
    throw new MoneyhubError(
      'par_failed',
      `pushed authorisation request failed (${response.status})`,
      {
        status: response.status,
        cause: err,
        ...(err instanceof oauth.ResponseBodyError ? { error: err.error } : {}),
      },
    )
  }
  const url = new URL(as.authorization_endpoint)
  url.searchParams.set('client_id', ctx.clientId)
  url.searchParams.set('request_uri', result.request_uri)
  return { requestUri: result.request_uri, expiresIn: result.expires_in, url: url.href }
}

/**
 * The authorisation URL: from a PAR `request_uri`, or inline with a signed `request` object
 * (the legacy "request by value" form, docs/moneyhub-protocol.md §3.6).
 *
 * @throws TypeError for bad parameters; discovery errors
 */
export async function authorisationUrl(
  ctx: ClientContext,
  params: { requestUri: string } | AuthorisationParams,
): Promise<string> {
  const as = await ctx.discovery()
  const url = new URL(as.authorization_endpoint)
  url.searchParams.set('client_id', ctx.clientId)
  if ('requestUri' in params) {
    if (typeof params.requestUri !== 'string' || params.requestUri.length === 0) {
      throw new TypeError('requestUri must be a non-empty string')
    }
    url.searchParams.set('request_uri', params.requestUri)
    return url.href
  }
  const request = await signRequestObject(ctx, as, params)
  // OIDC Core §6.1: response_type and scope also travel outside the request object.
  url.searchParams.set('response_type', 'code')
  url.searchParams.set('scope', params.scope)
  url.searchParams.set('request', request)
  return url.href
}
