/**
 * The `client_credentials` grant: client-level scopes, or a user's data scopes with Moneyhub's
 * `sub` form field (docs/moneyhub-protocol.md §6.3 — not a claims parameter, see §10.3).
 */
import * as oauth from 'oauth4webapi'
import { DEFAULT_EXPIRES_IN_SECONDS } from './authorization-code'
import { MoneyhubError } from './errors'
import { clientAuth, httpOptions, oauthClient, type ClientContext } from './internal/context'
import { checkTokenResponse } from './internal/token-response'
import type { AccessToken } from './token-cache'

const SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]+$/
const SUB = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/

/**
 * Validate a scope list.
 *
 * @throws TypeError when empty or a scope has illegal characters (RFC 6749 §3.3)
 */
export function assertScopes(scopes: readonly string[]): void {
  if (!Array.isArray(scopes) || scopes.length === 0)
    throw new TypeError('scopes must be a non-empty array')
  for (const scope of scopes) {
    if (typeof scope !== 'string' || !SCOPE.test(scope))
      throw new TypeError('scopes must be scope tokens')
  }
}

/**
 * Validate a Moneyhub user id.
 *
 * @throws MoneyhubError `invalid_input` when the id is not a plausible Moneyhub user id
 */
export function assertSub(sub: string): void {
  if (typeof sub !== 'string' || !SUB.test(sub)) {
    throw new MoneyhubError('invalid_input', 'the user id is not valid')
  }
}

/**
 * Request a client_credentials token (no cache; see the client's `tokenForUser`).
 *
 * @param sub - the Moneyhub user id for data scopes; omit for client-level scopes
 * @param scopes - exactly the scopes needed
 * @throws MoneyhubError `reauth_required` (`invalid_grant` for a user token: the user's
 *   consent was revoked or has expired, docs/security.md S7), `token_request_failed`,
 *   `rate_limited`, `invalid_upstream_response`, transport codes; TypeError / `invalid_input` for
 *   bad arguments
 * @see https://docs.moneyhubenterprise.com/docs/client-credentials-token
 */
export async function requestClientCredentials(
  ctx: ClientContext,
  sub: string | undefined,
  scopes: readonly string[],
): Promise<AccessToken> {
  assertScopes(scopes)
  if (sub !== undefined) assertSub(sub)
  const as = await ctx.discovery()
  const client = oauthClient(ctx)
  const parameters = new URLSearchParams({ scope: [...new Set(scopes)].join(' ') })
  if (sub !== undefined) parameters.set('sub', sub)
  const response = await oauth.clientCredentialsGrantRequest(
    as,
    client,
    clientAuth(ctx),
    parameters,
    httpOptions(ctx),
  )
  const body = await checkTokenResponse(response, 'client_credentials', ctx.t.now())
  try {
    await oauth.processClientCredentialsResponse(as, client, response)
  } catch (cause) {
    throw new MoneyhubError('invalid_upstream_response', 'client_credentials response is invalid', {
      cause,
    })
  }
  if (body.scope !== undefined) {
    const granted = new Set(body.scope.split(' ').filter(Boolean))
    const extra = [...granted].filter((s) => !scopes.includes(s))
    if (extra.length > 0)
      ctx.t.logger?.warn({ extra }, 'Moneyhub granted scopes beyond those requested')
  }
  return {
    accessToken: body.access_token,
    expiresAt: ctx.t.now() + (body.expires_in ?? DEFAULT_EXPIRES_IN_SECONDS) * 1000,
  }
}
