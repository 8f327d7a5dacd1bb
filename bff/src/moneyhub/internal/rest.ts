/**
 * Data API and identity REST calls: token, request, 401 → one re-token and retry, status
 * mapping, JSON and shape checks, envelope unwrapping (docs/moneyhub-protocol.md §9).
 */
import type { z } from 'zod'
import { MoneyhubError } from '../errors'
import { envelopeSchema, listSchema, type MhPage } from '../schemas'
import type { AccessToken } from '../token-cache'
import type { ClientContext } from './context'
import type { UpstreamReply } from '../http'
import { errorFromReply, parseJson, parseShape } from './responses'
import { sendText } from './transport'

/** Token source for a call; `invalidate` drops the cached token after a 401. */
export interface TokenSource {
  get(): Promise<AccessToken>
  invalidate(): void | Promise<void>
}

/** One REST call. */
export interface RestCall {
  host: 'data' | 'identity'
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** Already-encoded path below the host base, starting with `/`. */
  path: string
  query?: Record<string, string | number | boolean | undefined>
  body?: unknown
  token?: TokenSource
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/

/**
 * Validate and encode one path segment taken from a caller.
 *
 * @throws MoneyhubError `invalid_input` when the value does not match the strict pattern
 */
export function segment(value: string, what: string): string {
  if (typeof value !== 'string' || !SEGMENT.test(value)) {
    throw new MoneyhubError('invalid_input', `${what} is not valid`)
  }
  return encodeURIComponent(value)
}

function buildUrl(ctx: ClientContext, call: RestCall): string {
  const base = (call.host === 'data' ? ctx.apiUrl : ctx.identityUrl).replace(/\/+$/, '')
  const url = new URL(base + call.path)
  for (const [key, value] of Object.entries(call.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value))
  }
  return url.href
}

/**
 * Sends a REST call and returns its successful reply: token, request, on a 401 one new token
 * and one retry, then the status mapped to an error.
 *
 * @throws MoneyhubError mapped from the status (`invalid_input`, `unauthorized`, `forbidden`,
 *   `consent_expired`, `not_found`, `rate_limited`, `upstream_*`)
 */
async function send(ctx: ClientContext, call: RestCall): Promise<UpstreamReply> {
  const url = buildUrl(ctx, call)
  const kind = call.host === 'data' ? 'data' : 'identity'
  const attempt = async (): Promise<UpstreamReply> => {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (call.token) headers.authorization = `Bearer ${(await call.token.get()).accessToken}`
    if (call.body !== undefined) headers['content-type'] = 'application/json'
    return sendText(ctx.t, {
      method: call.method,
      url,
      kind,
      headers,
      ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
      // POSTs that move money or create users are never retried (docs/security.md R13).
      retry: call.method === 'GET',
    })
  }
  let reply = await attempt()
  if (reply.status === 401 && call.token) {
    // The cached token may have been revoked: one new token, one retry, then stop (R8).
    await call.token.invalidate()
    reply = await attempt()
  }
  if (reply.status < 200 || reply.status > 299) throw errorFromReply(reply, ctx.t.now())
  return reply
}

/**
 * A call that answers one resource: `{ data: T }` (docs/moneyhub-protocol.md §9.2), or with `bare`
 * the body itself (identity REST's users), validated with `schema`.
 *
 * @throws MoneyhubError as {@link send}, `invalid_upstream_response` for a body that is not
 *   JSON or not of the shape
 */
export async function callData<S extends z.ZodType>(
  ctx: ClientContext,
  call: RestCall & { schema: S; bare?: boolean },
): Promise<z.output<S>> {
  const reply = await send(ctx, call)
  const body = parseJson(reply)
  if (call.bare === true) return parseShape(call.schema, body, reply.status)
  return parseShape(envelopeSchema(call.schema), body, reply.status).data
}

/**
 * A list call: `{ data: Item[], links?, meta? }`, each item validated with `schema`.
 *
 * @throws MoneyhubError as {@link callData}
 */
export async function callPage<S extends z.ZodType>(
  ctx: ClientContext,
  call: RestCall & { schema: S },
): Promise<MhPage<z.output<S>>> {
  const reply = await send(ctx, call)
  return parseShape(envelopeSchema(listSchema(call.schema)), parseJson(reply), reply.status)
}

/**
 * A call whose answer has no body to read (`204`, or one the caller does not need).
 *
 * @throws MoneyhubError as {@link send}
 */
export async function callVoid(ctx: ClientContext, call: RestCall): Promise<void> {
  await send(ctx, call)
}
