import { logoutRequestSchema, type LogoutResponse, type SessionResponse } from '@mhkit/shared'
import { Hono } from 'hono'

import { listSessionConnections } from '../connections/list-connections'
import type { AppEnv } from '../context'
import type { Logger } from '../logger'
import { validate } from '../internal/validate'
import { clearSessionCookie } from '../session/cookies'
import type { Services } from '../services'
import type { SessionData } from '../session/sessions'

/** The session's sealed provider tokens, refresh tokens first (they outlive access tokens). */
function sealedGrants(
  data: SessionData,
): { hint: 'refresh_token' | 'access_token'; sealed: string }[] {
  const out: { hint: 'refresh_token' | 'access_token'; sealed: string }[] = []
  if (data.refreshToken !== undefined)
    out.push({ hint: 'refresh_token', sealed: data.refreshToken })
  for (const grant of data.oneTime) {
    if (grant.refreshToken !== undefined) {
      out.push({ hint: 'refresh_token', sealed: grant.refreshToken })
    }
    out.push({ hint: 'access_token', sealed: grant.accessToken })
  }
  return out
}

/**
 * Revokes each token where the provider allows it (RFC 7009; checklist S6). A failure is
 * logged with its code only and never fails the logout: the server state is already gone.
 */
async function revokeAll(
  grants: { hint: 'refresh_token' | 'access_token'; token: string }[],
  s: Services,
  log: Logger,
): Promise<void> {
  const results = await Promise.allSettled(
    grants.map(async (g) => s.moneyhub.revokeToken(g.token, g.hint)),
  )
  const revoked = results.filter((r) => r.status === 'fulfilled' && r.value.revoked).length
  const failed = results.filter((r) => r.status === 'rejected')
  for (const r of failed) {
    const code = (r.reason as { code?: unknown }).code
    log.warn({ event: 'security', reason: 'revocation_failed', code }, 'token revocation failed')
  }
  if (grants.length > 0)
    log.info({ event: 'security', reason: 'revoked', revoked }, 'tokens revoked')
}

/**
 * `GET /api/session` (who is signed in, their connections in short form — the same ones as
 * `GET /api/connections`, see {@link listSessionConnections} — when the session ends; never a
 * token; checklist S8) and `POST /api/logout` (deletes the server state and
 * tokens, revokes the provider tokens where the provider has a revocation endpoint, forgets cached
 * user tokens, clears the cookie; idempotent; checklist S6).
 */
export function sessionRoutes(s: Services, policy: { idleMs: number }) {
  return new Hono<AppEnv>()
    .get('/api/session', async (c) => {
      const sub = await s.userBinding.get(c)
      const session = c.var.session
      if (sub === undefined || !/^[A-Za-z0-9_-]{1,128}$/.test(sub)) {
        const body: SessionResponse = { authenticated: false }
        return c.json(body, 200)
      }
      const now = s.clock.now()
      const expiresAt =
        session === undefined
          ? now + policy.idleMs
          : Math.min(session.data.lastSeenAt + policy.idleMs, session.data.absoluteExpiresAt)
      let connections: SessionResponse['connections']
      try {
        const list = await listSessionConnections(s, sub, session, c.var.log)
        connections = list.map((full) => ({
          id: full.id,
          bankId: full.bankId,
          bankName: full.bankName,
          status: full.status,
          ...(full.consentExpiresAt === undefined
            ? {}
            : { consentExpiresAt: full.consentExpiresAt }),
        }))
      } catch (error) {
        // The session check must answer even when Moneyhub is down; connections are optional.
        c.var.log.warn({ err: error }, 'session connections unavailable')
      }
      const body: SessionResponse = {
        authenticated: true,
        user: { id: sub },
        ...(connections === undefined ? {} : { connections }),
        expiresAt: new Date(expiresAt).toISOString(),
      }
      return c.json(body, 200)
    })
    .post('/api/logout', validate('json', logoutRequestSchema), async (c) => {
      const session = c.var.session
      if (session !== undefined) {
        const sub = session.data.sub
        const grants = sealedGrants(session.data).map((g) => ({
          hint: g.hint,
          token: s.sessions.open(session, g.sealed),
        }))
        // The server state goes first: logout succeeds even when the provider is unreachable.
        await s.sessions.destroy(session.id)
        if (sub !== undefined) s.moneyhub.forgetUser(sub)
        await revokeAll(grants, s, c.var.log)
      }
      clearSessionCookie(c)
      c.var.log.info({ event: 'security', reason: 'logout' }, 'logout')
      const body: LogoutResponse = { ok: true }
      return c.json(body, 200)
    })
}
