/**
 * Turning upstream responses into data or a `MoneyhubError`, in a fixed order:
 * status → content type → JSON → shape (zod).
 */
import type { z } from 'zod'
import { MoneyhubError, type MoneyhubErrorCode } from '../errors'
import { apiErrorSchema, oauthErrorSchema } from '../schemas'
import { parseRetryAfter } from './transport'

/** Is the response declared as JSON? */
export function isJson(response: Response): boolean {
  const type = response.headers.get('content-type') ?? ''
  return /^application\/(?:[\w.+-]+\+)?json(?:\s*;|$)/i.test(type.trim())
}

/** Read a JSON body or throw `invalid_upstream_response`. */
export async function readJson(response: Response): Promise<unknown> {
  if (!isJson(response)) {
    throw new MoneyhubError('invalid_upstream_response', 'Moneyhub answered with a non-JSON body', {
      status: response.status,
      cause: response,
    })
  }
  try {
    return await response.json()
  } catch (cause) {
    throw new MoneyhubError('invalid_upstream_response', 'Moneyhub answered with malformed JSON', {
      status: response.status,
      cause,
    })
  }
}

/** Validate a parsed body against a schema or throw `invalid_upstream_response`. */
export function parseShape<T extends z.ZodType>(
  schema: T,
  body: unknown,
  status: number,
): z.output<T> {
  const result = schema.safeParse(body)
  if (!result.success) {
    throw new MoneyhubError(
      'invalid_upstream_response',
      'Moneyhub answered with an unexpected shape',
      { status, cause: result.error },
    )
  }
  return result.data
}

function codeForStatus(
  status: number,
  upstreamCode: string | undefined,
  text: string,
): MoneyhubErrorCode {
  switch (status) {
    case 400:
    case 422:
      return 'invalid_input'
    case 401:
      return 'unauthorized'
    case 403:
      return /consent|expired/i.test(`${upstreamCode ?? ''} ${text}`)
        ? 'consent_expired'
        : 'forbidden'
    case 404:
      return 'not_found'
    case 408:
    case 504:
      return 'upstream_timeout'
    case 429:
      return 'rate_limited'
    case 502:
    case 503:
      return 'upstream_unavailable'
    default:
      return 'upstream_error'
  }
}

/**
 * Map a non-success upstream response to a `MoneyhubError`. Reads `{ code, message,
 * correlationId }` or an OAuth `{ error }` body for the code and correlation id; the upstream
 * message is never relayed as ours.
 */
export async function errorFromResponse(response: Response, nowMs: number): Promise<MoneyhubError> {
  let upstreamCode: string | undefined
  let correlationId: string | undefined
  let text = ''
  if (isJson(response)) {
    try {
      const body: unknown = await response.json()
      const api = apiErrorSchema.safeParse(body)
      if (api.success) {
        upstreamCode = api.data.code
        correlationId = api.data.correlationId
        text = api.data.message ?? ''
      } else {
        const oauth = oauthErrorSchema.safeParse(body)
        if (oauth.success) {
          upstreamCode = oauth.data.error
          text = oauth.data.error_description ?? ''
        }
      }
    } catch {
      // A malformed error body still yields an error from the status alone.
    }
  } else {
    await response.body?.cancel().catch(() => undefined)
  }
  const code = codeForStatus(response.status, upstreamCode, text)
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'), nowMs)
  const details = {
    status: response.status,
    cause: response,
    ...(upstreamCode !== undefined ? { error: upstreamCode } : {}),
    ...(correlationId !== undefined ? { correlationId } : {}),
    ...(retryAfter !== undefined && (response.status === 429 || response.status === 503)
      ? { retryAfter }
      : {}),
  }
  return new MoneyhubError(code, `Moneyhub answered ${response.status} (${code})`, details)
}
