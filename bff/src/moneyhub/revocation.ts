/**
 * Token revocation (RFC 7009) at the provider's `revocation_endpoint`, used when a user logs
 * out (docs/security.md S6). Moneyhub documents no revocation endpoint for its grants, so the call
 * is made only when discovery advertises one (oidc-provider, and so the simulator, does).
 */
import * as oauth from 'oauth4webapi'
import { MoneyhubError } from './errors'
import { clientAuth, httpOptions, oauthClient, type ClientContext } from './internal/context'

/** Which kind of token is being revoked (RFC 7009 §2.1 `token_type_hint`). */
export type RevocationHint = 'refresh_token' | 'access_token'

/**
 * Revoke one token with client authentication. Sent once: revocation is idempotent at the
 * server, but the caller decides whether a failure matters (logout goes on regardless).
 *
 * @param ctx - the client context.
 * @param token - the access or refresh token; never logged or put in an error.
 * @param hint - optional `token_type_hint`.
 * @returns `{ revoked: false }` when the provider advertises no `revocation_endpoint` (nothing
 *   is sent), `{ revoked: true }` when it answered 200.
 * @throws TypeError for an empty token; MoneyhubError `upstream_error` when the provider
 *   refuses (non-200 or an OAuth error body), or a transport code (`upstream_timeout`,
 *   `upstream_unavailable`).
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2
 */
export async function revokeToken(
  ctx: ClientContext,
  token: string,
  hint?: RevocationHint,
): Promise<{ revoked: boolean }> {
  if (typeof token !== 'string' || token.length === 0) {
    throw new TypeError('token must be a non-empty string')
  }
  const as = await ctx.discovery()
  if (as.revocation_endpoint === undefined) return { revoked: false }
  const response = await oauth.revocationRequest(as, oauthClient(ctx), clientAuth(ctx), token, {
    ...httpOptions(ctx),
    ...(hint === undefined ? {} : { additionalParameters: { token_type_hint: hint } }),
  })
  try {
    await oauth.processRevocationResponse(response)
  } catch (cause) {
    throw new MoneyhubError('upstream_error', 'the provider refused the token revocation', {
      status: response.status,
      cause,
    })
  }
  return { revoked: true }
}
