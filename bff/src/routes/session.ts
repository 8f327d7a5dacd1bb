import { logoutRequestSchema, type LogoutResponse, type SessionResponse } from '@mhkit/shared'
import { Hono } from 'hono'

import { listSessionConnections } from '../connections/list-connections'
import type { AppEnv } from '../context'
import { validate } from '../internal/validate'
import { clearSessionCookie, clearTxCookie, readTxCookie } from '../session/cookies'
import { hashId } from '../session/ids'
import type { Services } from '../services'
import { grantTokens, type RevocableToken } from '../session/one-time-grants'
import { revokeTokens } from '../session/revoke-tokens'

/**
 * `GET /api/session` (who is signed in, their connections in short form — the same ones as
 * `GET /api/connections`, see {@link listSessionConnections} — when the session ends; never a
 * token; docs/security.md S8) and `POST /api/logout` (ends every login this browser has in flight,
 * deletes the server state and tokens, revokes the provider tokens where the provider has a
 * revocation endpoint, forgets cached user tokens, clears both cookies; idempotent;
 * docs/security.md S6, LL1).
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
      // First: a consent still pending at the bank must not sign anyone in after this (a
      // shared device), with or without a session here.
      const browser = readTxCookie(c)
      if (browser !== undefined) await s.logins.endBrowser(hashId(browser))
      const session = c.var.session
      if (session !== undefined) {
        const sub = session.data.sub
        const open = (sealed: string) => s.sessions.open(session, sealed)
        const grants: RevocableToken[] = [
          ...(session.data.refreshToken === undefined
            ? []
            : [{ token: open(session.data.refreshToken), hint: 'refresh_token' as const }]),
          ...grantTokens(session.data.oneTime, open),
        ]
        // The server state goes first: logout succeeds even when the provider is unreachable.
        await s.sessions.destroy(session.id)
        if (sub !== undefined) await s.moneyhub.forgetUser(sub)
        await revokeTokens(s.moneyhub, grants, c.var.log, 'tokens revoked')
      }
      clearSessionCookie(c)
      clearTxCookie(c)
      c.var.log.info({ event: 'security', reason: 'logout' }, 'logout')
      const body: LogoutResponse = { ok: true }
      return c.json(body, 200)
    })
}
