import { logoutRequestSchema, type LogoutResponse, type SessionResponse } from '@mhkit/shared'
import { Hono } from 'hono'

import type { AppEnv } from '../context'
import { toConnection } from '../mappers/connection'
import { validate } from '../internal/validate'
import { clearSessionCookie } from '../session/cookies'
import type { Services } from '../services'

/**
 * `GET /api/session` (who is signed in, their connections in short form, when the session
 * ends — never a token; checklist S8) and `POST /api/logout` (deletes the server state and
 * tokens, forgets cached user tokens, clears the cookie; idempotent; checklist S6).
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
        const list = await s.moneyhub.listConnections(sub)
        connections = list.slice(0, 100).map((conn) => {
          const full = toConnection(conn, new Date(now))
          return {
            id: full.id,
            bankId: full.bankId,
            bankName: full.bankName,
            status: full.status,
            ...(full.consentExpiresAt === undefined
              ? {}
              : { consentExpiresAt: full.consentExpiresAt }),
          }
        })
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
        // Tokens go with the session record; cached client-credentials tokens are dropped.
        // Moneyhub documents no revocation endpoint for these grants, so nothing to revoke.
        await s.sessions.destroy(session.id)
        if (sub !== undefined) s.moneyhub.forgetUser(sub)
      }
      clearSessionCookie(c)
      c.var.log.info({ event: 'security', reason: 'logout' }, 'logout')
      const body: LogoutResponse = { ok: true }
      return c.json(body, 200)
    })
}
