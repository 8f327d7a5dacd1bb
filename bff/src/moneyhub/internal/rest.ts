/**
 * Data API and identity REST calls: token, request, 401 → one re-token and retry, status
 * mapping, JSON and shape checks, envelope unwrapping (protocol §9).
 */
import type { z } from 'zod'
import { MoneyhubError } from '../errors'
import { envelopeSchema, listSchema, type MhPage } from '../schemas'
import type { AccessToken } from '../types'
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
export interface RestCall<S extends z.ZodType | undefined> {
  host: 'data' | 'identity'
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  /** Already-encoded path below the host base, starting with `/`. */
  path: string
  query?: Record<string, string | number | boolean | undefined>
  body?: unknown
  token?: TokenSource
  /** `data`: `{ data: schema }` envelope; `bare`: the body is the schema; `none`: no body. */
  envelope: 'data' | 'page' | 'bare' | 'none'
  schema?: S
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

function buildUrl(ctx: ClientContext, call: RestCall<z.ZodType | undefined>): string {
  const base = (call.host === 'data' ? ctx.apiUrl : ctx.identityUrl).replace(/\/+$/, '')
  const url = new URL(base + call.path)
  for (const [key, value] of Object.entries(call.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value))
  }
  return url.href
}

/**
 * Perform a REST call and return the validated payload (unwrapped from `{ data }` for
 * `envelope: 'data'`, the whole `{ data, links, meta }` for `page`).
 *
 * @throws MoneyhubError mapped from the status (`invalid_input`, `unauthorized`, `forbidden`,
 *   `consent_expired`, `not_found`, `rate_limited`, `upstream_*`), `invalid_upstream_response`
 */
export async function callRest<S extends z.ZodType | undefined>(
  ctx: ClientContext,
  call: RestCall<S>,
): Promise<S extends z.ZodType ? z.output<S> : undefined> {
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
      // POSTs that move money or create users are never retried (checklist R13).
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
  if (call.envelope === 'none' || call.schema === undefined) {
    return undefined as S extends z.ZodType ? z.output<S> : undefined
  }
  const body = parseJson(reply)
  if (call.envelope === 'bare') {
    return parseShape(call.schema, body, reply.status) as S extends z.ZodType
      ? z.output<S>
      : undefined
  }
  const parsed = parseShape(envelopeSchema(call.schema), body, reply.status) as {
    data: unknown
    links?: unknown
    meta?: unknown
  }
  return (call.envelope === 'page' ? parsed : parsed.data) as S extends z.ZodType
    ? z.output<S>
    : undefined
}

/**
 * A list call: `{ data: Item[], links?, meta? }`, each item validated with `schema`.
 *
 * @throws MoneyhubError as {@link callRest}
 */
export async function callPage<S extends z.ZodType>(
  ctx: ClientContext,
  call: Omit<RestCall<S>, 'envelope'> & { schema: S },
): Promise<MhPage<z.output<S>>> {
  const page = await callRest(ctx, { ...call, envelope: 'page', schema: listSchema(call.schema) })
  // Shape validated by callRest with envelopeSchema(listSchema(schema)).
  return page as unknown as MhPage<z.output<S>>
}
