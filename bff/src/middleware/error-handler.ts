import type { ErrorBody } from '@mhkit/shared'
import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

import type { AppEnv } from '../context'
import { AppError, toAppError } from '../errors'
import { CALLBACK_PATH, callbackLanding, isNavigation } from '../flows/callback-landing'
import type { FlowRecords } from '../flows/flow-records'
import type { MoneyhubClient } from '../moneyhub'
import type { EndedLogins } from '../flows/ended-logins'
import {
  clearSessionCookie,
  clearTxCookie,
  readSessionCookie,
  readTxCookie,
} from '../session/cookies'
import { hashId } from '../session/ids'
import type { SessionManager } from '../session/sessions'
import type { UserBinding } from '../user-binding'

/**
 * Writes the API error body `{ error: { code, message, correlationId } }` for an
 * {@link AppError}, with `Retry-After` when known. The only place error bodies are built.
 *
 * @param c - the request context
 * @param error - the error to answer with
 */
export function errorResponse(c: Context<AppEnv>, error: AppError): Response {
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: error.message,
      correlationId: c.var.requestId,
      ...(error.retryAfter === undefined ? {} : { retryAfter: error.retryAfter }),
      ...(error.issues === undefined ? {} : { issues: error.issues }),
      ...(error.earliestTransactionFrom === undefined
        ? {}
        : { earliestTransactionFrom: error.earliestTransactionFrom }),
    },
  }
  if (error.retryAfter !== undefined) c.header('Retry-After', String(error.retryAfter))
  return c.json(body, error.status as ContentfulStatusCode)
}

/** What {@link errorHandler} needs to end a session whose user must authorise again. */
export interface SessionEnding {
  sessions: Pick<SessionManager, 'destroy'>
  moneyhub: Pick<MoneyhubClient, 'forgetUser'>
  userBinding: UserBinding
  logins: Pick<EndedLogins, 'endBrowser'>
}

/**
 * What {@link errorHandler} needs: ending a session (S7), and finding the page a bad callback
 * reached by navigation lands on.
 */
export interface ErrorHandlerDeps extends SessionEnding {
  flows: Pick<FlowRecords, 'latestForBrowser'>
  /** Where a bad callback lands when the browser has no flow of its own (default `/`). */
  callbackErrorPage?: string
}

/**
 * The routes that read the user's data with a token for the user (`tokenForUser(sub)`): a
 * `reauth_required` there means Moneyhub refused that token (`invalid_grant`: the consent was
 * revoked or has expired) or the data API refused it.
 */
const USER_DATA_ROUTE = /^\/api\/(?:accounts|transactions)(?:\/|$)/

/**
 * Checklist S7: ends the session of a data request answered `reauth_required`, as logout does
 * minus the revocation (the grant is already gone): ends the browser's logins in flight,
 * deletes the server state, forgets the user's cached tokens, clears both cookies, and logs a
 * security event. A failure to delete
 * is logged and never changes the answer (the cookie is cleared either way).
 */
async function endSessionForReauth(
  c: Context<AppEnv>,
  deps: SessionEnding,
  error: AppError,
): Promise<void> {
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
 * Builds the one error mapper: every thrown value becomes a stable code and a generic message;
 * unexpected errors are logged and answered as `internal_error` with no detail (fail closed).
 * With `sessionEnding`, a `reauth_required` on a user data route (`/api/accounts…`,
 * `/api/transactions…`) also ends the session and clears the cookie (checklist S7), so the
 * next `GET /api/session` answers unauthenticated. An error of the callback reached by a
 * browser navigation (whatever raised it: the route, the rate limit, the store) is a 303 into
 * the app with `?flowError=<code>` rather than a JSON body the person would see raw (see
 * {@link callbackLanding}). Checklist L5, "Login lifecycle"; ARCHITECTURE.md Decision 6.
 *
 * @param deps - what ending a session and landing a callback need; without them no session is
 *   ended and every error is JSON
 */
export function errorHandler(deps?: ErrorHandlerDeps): ErrorHandler<AppEnv> {
  return async (err, c) => {
    let error: AppError
    if (err instanceof HTTPException && !(err.cause instanceof AppError)) {
      // Hono's own exceptions (e.g. a malformed JSON body in a validator) are request faults.
      error = new AppError(err.status === 413 ? 'payload_too_large' : 'invalid_request')
    } else {
      error = toAppError(err instanceof HTTPException ? err.cause : err)
    }
    const log = c.var.log
    if (error.code === 'internal_error') {
      log.error({ err }, 'unhandled error')
    } else if (error.status >= 500 || error.reason !== undefined) {
      log.warn(
        {
          code: error.code,
          reason: error.reason,
          status: error.status,
          upstreamError: error.upstreamError,
          upstreamStatus: error.upstreamStatus,
          // Next to the request id every line carries: the Moneyhub call's own id (L3).
          interactionId: error.interactionId,
        },
        'request failed',
      )
    }
    if (
      deps !== undefined &&
      error.code === 'reauth_required' &&
      USER_DATA_ROUTE.test(c.req.path)
    ) {
      await endSessionForReauth(c, deps, error)
    }
    if (
      deps !== undefined &&
      c.req.path === CALLBACK_PATH &&
      c.req.method === 'GET' &&
      isNavigation(c)
    ) {
      return callbackLanding(c, deps.flows, error.code, deps.callbackErrorPage)
    }
    return errorResponse(c, error)
  }
}

/** The error mapper without session ending (see {@link errorHandler}). */
export const onError: ErrorHandler<AppEnv> = errorHandler()

/** 404 `not_found` in the API error shape for unknown routes. */
export const onNotFound: NotFoundHandler<AppEnv> = (c) =>
  errorResponse(c, new AppError('not_found'))
