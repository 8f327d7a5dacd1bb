import type { Logger } from '../logger'
import type { MoneyhubClient } from '../moneyhub'
import type { RevocableToken } from './one-time-grants'

/**
 * Revokes each token where the provider allows it (RFC 7009; docs/security.md S6), in parallel.
 * Best effort: callers have already removed the server state, so a failure is logged with its code
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
