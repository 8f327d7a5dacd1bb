/**
 * The `refresh_token` grant, single-flight per refresh token (docs/moneyhub-protocol.md §6.2,
 * docs/security.md P20, P28, R5, R6).
 */
import * as oauth from 'oauth4webapi'
import { DEFAULT_EXPIRES_IN_SECONDS } from './authorization-code'
import { MoneyhubError } from './errors'
import { verifyIdToken, type IdTokenVerifier } from './id-token'
import { clientAuth, httpOptions, oauthClient, type ClientContext } from './internal/context'
import { checkTokenResponse } from './internal/token-response'
import type { TokenSet } from './authorization-code'

/**
 * Create a refresher that shares one in-flight request per refresh token: concurrent callers
 * get the same promise, so a rotating server never sees the same token twice.
 *
 * @returns `refresh(refreshToken, { sub })` → the new token set; the old refresh token is kept
 *   when none comes back. Throws MoneyhubError `reauth_required` on `invalid_grant`,
 *   `invalid_id_token` when a returned ID token changes `iss` or `sub`, `token_request_failed`,
 *   `invalid_upstream_response`, transport codes. Never retried after an ambiguous failure.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#RefreshTokenResponse
 */
export function createRefresher(
  ctx: ClientContext,
  verifier: IdTokenVerifier,
): (refreshToken: string, options?: { sub?: string }) => Promise<TokenSet> {
  const inFlight = new Map<string, Promise<TokenSet>>()

  const run = async (refreshToken: string, sub: string | undefined): Promise<TokenSet> => {
    const as = await ctx.discovery()
    const client = oauthClient(ctx)
    const response = await oauth.refreshTokenGrantRequest(
      as,
      client,
      clientAuth(ctx),
      refreshToken,
      httpOptions(ctx),
    )
    const body = await checkTokenResponse(response, 'refresh_token', ctx.t.now())
    try {
      await oauth.processRefreshTokenResponse(as, client, response)
    } catch (cause) {
      throw new MoneyhubError(
        body.id_token !== undefined ? 'invalid_id_token' : 'invalid_upstream_response',
        'the refresh response failed validation',
        { cause },
      )
    }
    if (body.id_token !== undefined) {
      // iss is pinned by verifyIdToken; sub must stay the same user (OIDC Core §12.2).
      await verifyIdToken(verifier, body.id_token, sub !== undefined ? { sub } : {})
    }
    return {
      accessToken: body.access_token,
      expiresAt: ctx.t.now() + (body.expires_in ?? DEFAULT_EXPIRES_IN_SECONDS) * 1000,
      refreshToken: body.refresh_token ?? refreshToken,
      ...(body.scope !== undefined ? { scope: body.scope } : {}),
      ...(body.id_token !== undefined ? { idToken: body.id_token } : {}),
    }
  }

  return (refreshToken, options = {}) => {
    if (typeof refreshToken !== 'string' || refreshToken.length === 0) {
      throw new TypeError('refreshToken must be a non-empty string')
    }
    let pending = inFlight.get(refreshToken)
    if (!pending) {
      pending = run(refreshToken, options.sub).finally(() => inFlight.delete(refreshToken))
      inFlight.set(refreshToken, pending)
    }
    return pending
  }
}
