import type { ErrorBody } from '@mhkit/shared'
import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

import type { AppEnv } from '../context'
import { AppError, toAppError } from '../errors'
import { CALLBACK_PATH, callbackLanding, isNavigation } from '../flows/callback-landing'
import type { FlowRecords } from '../flows/flow-records'

/**
 * Writes the API error body `{ error: { code, message, correlationId } }` for an
 * {@link AppError}, with `Retry-After` when known. The only place error bodies are built.
 *
 * @param c - the request context
 * @param error - the error to answer with
 */
function errorResponse(c: Context<AppEnv>, error: AppError): Response {
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

/** What {@link errorHandler} needs to land a bad callback reached by navigation. */
export interface ErrorHandlerDeps {
  flows: Pick<FlowRecords, 'latestForBrowser'>
  /** Where a bad callback lands when the browser has no flow of its own (default `/`). */
  callbackErrorPage?: string
}

/**
 * The {@link AppError} a thrown value is answered with: Hono's own exceptions (e.g. a malformed
 * JSON body in a validator) are request faults; anything else goes through {@link toAppError}.
 *
 * @param err - what a handler or middleware threw (`c.error` after the mapper ran)
 */
export function answeredError(err: unknown): AppError {
  if (err instanceof HTTPException && !(err.cause instanceof AppError)) {
    return new AppError(err.status === 413 ? 'payload_too_large' : 'invalid_request')
  }
  return toAppError(err instanceof HTTPException ? err.cause : err)
}

/**
 * Builds the one error mapper: every thrown value becomes a stable code and a generic message;
 * unexpected errors are logged and answered as `internal_error` with no detail (fail closed).
 * It only maps: what an error means for the session is decided by the routes' own middleware
 * (`end-session-on-reauth.ts`). An error of the callback reached by a browser navigation
 * (whatever raised it: the route, the rate limit, the store) is a 303 into the app with
 * `?flowError=<code>` rather than a JSON body the person would see raw (see
 * {@link callbackLanding}). docs/security.md L5, LL3; docs/decisions/008-errors-are-data.md.
 *
 * @param deps - what landing a callback needs; without them every error is JSON
 */
export function errorHandler(deps?: ErrorHandlerDeps): ErrorHandler<AppEnv> {
  return async (err, c) => {
    const error = answeredError(err)
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
      c.req.path === CALLBACK_PATH &&
      c.req.method === 'GET' &&
      isNavigation(c)
    ) {
      return callbackLanding(c, deps.flows, error.code, deps.callbackErrorPage)
    }
    return errorResponse(c, error)
  }
}

/** 404 `not_found` in the API error shape for unknown routes. */
export const onNotFound: NotFoundHandler<AppEnv> = (c) =>
  errorResponse(c, new AppError('not_found'))
