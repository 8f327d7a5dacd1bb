import type { Logger } from '../logger'
import type { MoneyhubClient } from '../moneyhub'
import type { OneTimeGrant } from './sessions'

/** A provider token to revoke, with its RFC 7009 type hint. */
export interface RevocableToken {
  token: string
  hint: 'refresh_token' | 'access_token'
}

/**
 * The tokens of one-time grants, opened, each grant's refresh token before its access token
 * (the refresh token outlives it).
 *
 * @param open - opens a sealed token (the session's or another record's sealer context)
 */
export function grantTokens(
  grants: readonly OneTimeGrant[],
  open: (sealed: string) => string,
): RevocableToken[] {
  const tokens: RevocableToken[] = []
  for (const grant of grants) {
    if (grant.refreshToken !== undefined) {
      tokens.push({ token: open(grant.refreshToken), hint: 'refresh_token' })
    }
    tokens.push({ token: open(grant.accessToken), hint: 'access_token' })
  }
  return tokens
}

/**
 * Revokes each token where the provider allows it (RFC 7009; checklist S6), in parallel. Best
 * effort: callers have already removed the server state, so a failure is logged with its code
 * only (never the token) and never fails the caller.
 *
 * @param message - the log line for the count revoked (when there was anything to revoke)
 */
export async function revokeTokens(
  moneyhub: Pick<MoneyhubClient, 'revokeToken'>,
  tokens: readonly RevocableToken[],
  log: Logger,
  message: string,
): Promise<void> {
  if (tokens.length === 0) return
  const results = await Promise.allSettled(tokens.map((t) => moneyhub.revokeToken(t.token, t.hint)))
  for (const r of results) {
    if (r.status === 'rejected') {
      const code = (r.reason as { code?: unknown }).code
      log.warn({ event: 'security', reason: 'revocation_failed', code }, 'token revocation failed')
    }
  }
  const revoked = results.filter((r) => r.status === 'fulfilled' && r.value.revoked).length
  log.info({ event: 'security', reason: 'revoked', revoked }, message)
}
