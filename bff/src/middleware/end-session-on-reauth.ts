import type { Context, MiddlewareHandler } from 'hono'

import type { AppEnv } from '../context'
import type { AppError } from '../errors'
import type { EndedLogins } from '../flows/ended-logins'
import type { MoneyhubClient } from '../moneyhub'
import {
  clearSessionCookie,
  clearTxCookie,
  readSessionCookie,
  readTxCookie,
} from '../session/cookies'
import { hashId } from '../session/ids'
import type { SessionManager } from '../session/sessions'
import type { UserBinding } from '../user-binding'
import { answeredError } from './error-handler'

/** What {@link endSessionOnReauth} needs to end a session whose user must authorise again. */
export interface SessionEnding {
  sessions: Pick<SessionManager, 'destroy'>
  moneyhub: Pick<MoneyhubClient, 'forgetUser'>
  userBinding: UserBinding
  logins: Pick<EndedLogins, 'endBrowser'>
}

/**
 * Ends the session as logout does minus the revocation (the grant is already gone): ends the
 * browser's logins in flight, deletes the server state, forgets the user's cached tokens,
 * clears both cookies, and logs a security event. A failure to delete is logged and never
 * changes the answer (the cookie is cleared either way).
 */
async function endSession(c: Context<AppEnv>, deps: SessionEnding, error: AppError): Promise<void> {
  const log = c.var.log
  const session = c.var.session
  let sub: string | undefined
  try {
    sub = await deps.userBinding.get(c)
  } catch (err) {
    log.error({ err }, 'user binding unavailable')
  }
  if (sub !== undefined) {
    await deps.moneyhub.forgetUser(sub).catch((err: unknown) => {
      log.error({ err }, 'cached user tokens could not be dropped')
    })
  }
  const browser = readTxCookie(c)
  if (browser !== undefined) {
    try {
      await deps.logins.endBrowser(hashId(browser))
    } catch (err) {
      log.error({ err }, 'logins in flight could not be ended')
    }
    clearTxCookie(c)
  }
  let ended = false
  if (session !== undefined) {
    try {
      await deps.sessions.destroy(session.id)
      ended = true
    } catch (err) {
      log.error({ err }, 'session could not be deleted')
    }
    c.set('session', undefined)
  }
  if (session !== undefined || readSessionCookie(c) !== undefined) clearSessionCookie(c)
  log.warn(
    {
      event: 'security',
      reason: 'reauth_session_ended',
      code: error.reason,
      upstreamError: error.upstreamError,
      sessionEnded: ended,
    },
    'session ended: the user must authorise again',
  )
}

/**
 * docs/security.md S7: on the routes that read the user's data with a token for the user
 * (`tokenForUser(sub)`), a request answered `reauth_required` means Moneyhub refused that
 * token (`invalid_grant`: the consent was revoked or has expired) or the data API refused it,
 * so the session ends and the next `GET /api/session` answers unauthenticated. Runs after the
 * error mapper has built the answer (Hono hands the thrown error to `onError` first and keeps
 * it in `c.error`), so the answer itself is unchanged; the cookies it clears are added to it.
 *
 * @param deps - the session manager, the Moneyhub client's token cache, the user binding and
 *   the logins in flight
 */
export function endSessionOnReauth(deps: SessionEnding): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    if (c.error === undefined) return
    const error = answeredError(c.error)
    if (error.code === 'reauth_required') await endSession(c, deps, error)
  }
}
