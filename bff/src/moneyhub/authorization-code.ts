/**
 * Code exchange: callback checks, the `authorization_code` grant with PKCE, `redirect_uri` and
 * Moneyhub's `sub` extension, then ID-token verification (docs/moneyhub-protocol.md §6.1, §7, §8).
 */
import * as oauth from 'oauth4webapi'
import { validateCallback } from './callback'
import { MoneyhubError } from './errors'
import {
  claimId,
  verifyIdToken,
  type ExpectedClaims,
  type IdTokenClaims,
  type IdTokenVerifier,
} from './id-token'
import { clientAuth, httpOptions, oauthClient, type ClientContext } from './internal/context'
import { checkTokenResponse } from './internal/token-response'

/** A user token set; stays in the BFF, never reaches the browser. */
export interface TokenSet {
  accessToken: string
  refreshToken?: string
  /** Epoch ms. */
  expiresAt: number
  scope?: string
  idToken?: string
}

/** Parameters of {@link MoneyhubClient.exchangeCode}. */
export interface ExchangeCodeParams {
  callbackParams: URLSearchParams | URL
  expectedState: string
  expectedNonce: string
  codeVerifier: string
  /** Moneyhub's `sub` extension, when the user is known. */
  sub?: string
  expectedClaims?: ExpectedClaims
}

/** Result of {@link MoneyhubClient.exchangeCode}. */
export interface ExchangeCodeResult {
  sub: string
  connectionId?: string
  paymentId?: string
  standingOrderId?: string
  recurringPaymentId?: string
  reversePaymentId?: string
  claims: IdTokenClaims
  tokens: TokenSet & { idToken: string }
}

/** Access-token lifetime assumed when the token response has no `expires_in`. */
export const DEFAULT_EXPIRES_IN_SECONDS = 300

/**
 * Complete an authorisation: validate the callback, exchange the code once, verify the ID token.
 * The code is never re-sent after an ambiguous failure (docs/security.md R4).
 *
 * @returns the user (`sub`), connection / payment ids, verified claims and the token set
 * @throws MoneyhubError callback codes (`iss_mismatch`, `state_mismatch`, `access_denied`,
 *   `authorization_error`, `invalid_callback`), `token_request_failed`, `rate_limited`,
 *   `invalid_upstream_response`, `invalid_id_token`, transport codes
 * @see https://docs.moneyhubenterprise.com/docs/completing-a-connection
 */
export async function exchangeCode(
  ctx: ClientContext,
  verifier: IdTokenVerifier,
  params: ExchangeCodeParams,
): Promise<ExchangeCodeResult> {
  if (typeof params !== 'object' || params === null) throw new TypeError('params must be an object')
  for (const name of ['expectedNonce', 'codeVerifier'] as const) {
    if (typeof params[name] !== 'string' || params[name].length === 0) {
      throw new TypeError(`params.${name} must be a non-empty string`)
    }
  }
  if (params.sub !== undefined && (typeof params.sub !== 'string' || params.sub.length === 0)) {
    throw new TypeError('params.sub must be a non-empty string when given')
  }
  const as = await ctx.discovery()
  const client = oauthClient(ctx)
  const callback = validateCallback(as, client, params.callbackParams, params.expectedState)

  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    clientAuth(ctx),
    callback,
    ctx.redirectUri,
    params.codeVerifier,
    {
      ...httpOptions(ctx),
      ...(params.sub !== undefined ? { additionalParameters: { sub: params.sub } } : {}),
    },
  )
  const body = await checkTokenResponse(response, 'authorization_code', ctx.t.now())
  if (body.id_token === undefined)
    throw new MoneyhubError('invalid_id_token', 'token response has no ID token')
  try {
    // oauth4webapi re-checks the response and the ID token's alg, iss, aud, azp, exp and nonce.
    await oauth.processAuthorizationCodeResponse(as, client, response, {
      expectedNonce: params.expectedNonce,
      requireIdToken: true,
    })
  } catch (cause) {
    throw new MoneyhubError('invalid_id_token', 'the ID token failed validation', { cause })
  }
  const expected = params.expectedClaims ?? {}
  const sub = expected.sub ?? params.sub
  const claims = await verifyIdToken(verifier, body.id_token, {
    ...expected,
    ...(sub !== undefined ? { sub } : {}),
    nonce: params.expectedNonce,
  })

  const result: ExchangeCodeResult = {
    sub: claims.sub,
    claims,
    tokens: {
      accessToken: body.access_token,
      expiresAt: ctx.t.now() + (body.expires_in ?? DEFAULT_EXPIRES_IN_SECONDS) * 1000,
      idToken: body.id_token,
      ...(body.refresh_token !== undefined ? { refreshToken: body.refresh_token } : {}),
      ...(body.scope !== undefined ? { scope: body.scope } : {}),
    },
  }
  const ids = {
    connectionId: claimId(claims['mh:con_id']),
    paymentId: claimId(claims['mh:payment']),
    standingOrderId: claimId(claims['mh:standing_order']),
    recurringPaymentId: claimId(claims['mh:recurring_payment']),
    reversePaymentId: claimId(claims['mh:reverse_payment']),
  }
  for (const [key, value] of Object.entries(ids)) {
    if (value !== undefined) (result as unknown as Record<string, string>)[key] = value
  }
  return result
}
