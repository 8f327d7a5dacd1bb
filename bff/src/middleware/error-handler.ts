import type { ErrorBody } from '@mhkit/shared'
import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

import type { AppEnv } from '../context'
import { AppError, toAppError } from '../errors'

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
    },
  }
  if (error.retryAfter !== undefined) c.header('Retry-After', String(error.retryAfter))
  return c.json(body, error.status as ContentfulStatusCode)
}

/**
 * The one error mapper: every thrown value becomes a stable code and a generic message;
 * unexpected errors are logged and answered as `internal_error` with no detail (fail closed).
 * Checklist L5; ARCHITECTURE.md Decision 6.
 */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
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
      },
      'request failed',
    )
  }
  return errorResponse(c, error)
}

/** 404 `not_found` in the API error shape for unknown routes. */
export const onNotFound: NotFoundHandler<AppEnv> = (c) =>
  errorResponse(c, new AppError('not_found'))
