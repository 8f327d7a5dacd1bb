/**
 * Turning upstream responses into data or a `MoneyhubError`, in a fixed order:
 * status → content type → JSON → shape (zod).
 */
import type { z } from 'zod'
import { MoneyhubError, type MoneyhubErrorCode } from '../errors'
import { apiErrorSchema, oauthErrorSchema } from '../schemas'
import type { UpstreamReply } from '../http'
import { parseRetryAfter } from './transport'

/** Is this `Content-Type` JSON (`application/json` or `application/*+json`)? */
function isJsonType(type: string | null): boolean {
  return /^application\/(?:[\w.+-]+\+)?json(?:\s*;|$)/i.test((type ?? '').trim())
}

/** Is the response declared as JSON? */
export function isJson(response: Response): boolean {
  return isJsonType(response.headers.get('content-type'))
}

/**
 * Read a whole `Response` into an {@link UpstreamReply}.
 *
 * @throws MoneyhubError `invalid_upstream_response` when the body cannot be read
 */
async function replyOf(response: Response): Promise<UpstreamReply> {
  let text: string
  try {
    text = await response.text()
  } catch (cause) {
    throw new MoneyhubError('invalid_upstream_response', 'Moneyhub answered with a broken body', {
      status: response.status,
      cause,
    })
  }
  return { status: response.status, header: (name) => response.headers.get(name), text }
}

/** Parse a JSON reply or throw `invalid_upstream_response`. */
export function parseJson(reply: UpstreamReply): unknown {
  if (!isJsonType(reply.header('content-type'))) {
    throw new MoneyhubError('invalid_upstream_response', 'Moneyhub answered with a non-JSON body', {
      status: reply.status,
    })
  }
  try {
    return JSON.parse(reply.text) as unknown
  } catch (cause) {
    throw new MoneyhubError('invalid_upstream_response', 'Moneyhub answered with malformed JSON', {
      status: reply.status,
      cause,
    })
  }
}

/** Read a JSON `Response` body or throw `invalid_upstream_response`. */
export async function readJson(response: Response): Promise<unknown> {
  if (!isJson(response)) {
    await response.body?.cancel().catch(() => undefined)
    throw new MoneyhubError('invalid_upstream_response', 'Moneyhub answered with a non-JSON body', {
      status: response.status,
    })
  }
  return parseJson(await replyOf(response))
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
 * Map a non-success upstream reply to a `MoneyhubError`. Reads `{ code, message,
 * correlationId }` or an OAuth `{ error }` body for the code and correlation id; the upstream
 * message is never relayed as ours, and the body is never attached.
 */
export function errorFromReply(reply: UpstreamReply, nowMs: number): MoneyhubError {
  let upstreamCode: string | undefined
  let correlationId: string | undefined
  let text = ''
  if (isJsonType(reply.header('content-type'))) {
    try {
      const body: unknown = JSON.parse(reply.text)
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
  }
  const status = reply.status
  const code = codeForStatus(status, upstreamCode, text)
  const retryAfter = parseRetryAfter(reply.header('retry-after'), nowMs)
  const details = {
    status,
    ...(upstreamCode !== undefined ? { error: upstreamCode } : {}),
    ...(correlationId !== undefined ? { correlationId } : {}),
    ...(reply.interactionId !== undefined ? { interactionId: reply.interactionId } : {}),
    ...(retryAfter !== undefined && (status === 429 || status === 503) ? { retryAfter } : {}),
  }
  return new MoneyhubError(code, `Moneyhub answered ${status} (${code})`, details)
}

/** {@link errorFromReply} for a web `Response` (its body is read, or dropped when not JSON). */
export async function errorFromResponse(response: Response, nowMs: number): Promise<MoneyhubError> {
  const bodiless: UpstreamReply = {
    status: response.status,
    header: (name) => response.headers.get(name),
    text: '',
  }
  if (!isJson(response)) {
    await response.body?.cancel().catch(() => undefined)
    return errorFromReply(bodiless, nowMs)
  }
  return errorFromReply(await replyOf(response).catch(() => bodiless), nowMs)
}
