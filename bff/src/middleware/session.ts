import type { MiddlewareHandler } from 'hono'

import type { AppEnv } from '../context'
import { readSessionCookie } from '../session/cookies'
import type { SessionManager } from '../session/sessions'

/**
 * Loads the session named by the session cookie (if any) into `c.var.session`. Runs after
 * the CSRF check, so a request without `X-CSRF: 1` never touches the store. docs/security.md C1.
 *
 * @param sessions - the session manager
 */
export function loadSession(sessions: SessionManager): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = readSessionCookie(c)
    if (id !== undefined) c.set('session', await sessions.load(id))
    await next()
  }
}
