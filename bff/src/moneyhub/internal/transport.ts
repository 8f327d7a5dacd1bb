/**
 * The one place the client touches the network, through one {@link HttpRequester}: timeouts
 * (the requester's own timer), retries for idempotent GETs only (network errors,
 * 429, 502, 503, 504; full-jitter backoff; `Retry-After` honoured up to a cap), a circuit
 * breaker per upstream, https enforcement, an `x-fapi-interaction-id` on every call, and a log
 * line without secrets.
 */
import { randomUUID } from 'node:crypto'
import * as oauth from 'oauth4webapi'

import { MoneyhubError } from '../errors'
import type { HttpRequester, UpstreamReply } from '../http'
import type { CircuitBreakerOptions, MoneyhubLogger } from '../transport-options'

/** Which upstream a call goes to; picks the timeout. */
type CallKind = 'identity' | 'jwks' | 'data'

/** Everything the transport needs, built once per client. */
export interface Transport {
  /** Every upstream call goes through it (the Node transport, or one built on a `fetch`). */
  request: HttpRequester
  now: () => number
  random: () => number
  sleep: (ms: number) => Promise<void>
  logger?: MoneyhubLogger
  allowInsecureLoopback: boolean
  timeouts: Record<CallKind, number>
  maxRetries: number
  baseDelayMs: number
  maxRetryAfterMs: number
  /** One breaker per upstream (identity, data); absent = no circuit breaking. */
  breakers?: Record<Upstream, Breaker>
}

/** One outbound request. */
export interface OutboundRequest {
  method: string
  url: string
  kind: CallKind
  headers: Record<string, string>
  body?: string
  /** Retry on network errors and 429/502/503/504; only for idempotent GETs. */
  retry: boolean
}

/** The two upstreams a breaker guards: the identity service (with its JWKS) and the data API. */
export type Upstream = 'identity' | 'data'

/** A circuit breaker for one upstream. */
export interface Breaker {
  /** Throws `upstream_unavailable` (with `retryAfter`) while open; else lets the call go. */
  admit(): void
  /** The call's outcome: `true` when the upstream answered usefully. */
  record(ok: boolean): void
}

/**
 * A circuit breaker (docs/security.md R11): after `failureThreshold` consecutive failed calls
 * (network error, timeout, 5xx after retries) it opens and fails calls at once with
 * `upstream_unavailable` and `retryAfter`, sparing the upstream and the caller's wait; after
 * `openMs` it lets one probe call through (half-open), which closes it on success and opens it
 * again on failure.
 *
 * @param now - clock in ms
 * @param upstream - name for the error message
 */
export function createBreaker(
  now: () => number,
  upstream: Upstream,
  options: CircuitBreakerOptions = {},
): Breaker {
  const threshold = Math.max(1, options.failureThreshold ?? 5)
  const openMs = Math.max(1, options.openMs ?? 10_000)
  let failures = 0
  let openedAt: number | undefined
  let probing = false
  return {
    admit() {
      if (openedAt === undefined) return
      const waited = now() - openedAt
      if (waited >= openMs && !probing) {
        probing = true
        return
      }
      throw new MoneyhubError(
        'upstream_unavailable',
        `Moneyhub ${upstream} calls are paused after repeated failures`,
        { retryAfter: Math.max(1, Math.ceil((openMs - waited) / 1000)), error: 'circuit_open' },
      )
    },
    record(ok) {
      if (ok) {
        failures = 0
        openedAt = undefined
        probing = false
        return
      }
      failures += 1
      if (probing || failures >= threshold) {
        openedAt = now()
        probing = false
      }
    },
  }
}

const RETRY_STATUSES = new Set([429, 502, 503, 504])
/** Sent with every call, fresh per call and the same across its retries (docs/security.md L3). */
const INTERACTION_HEADER = 'x-fapi-interaction-id'
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])

/** Is this a loopback host (the simulator)? */
function isLoopback(url: URL): boolean {
  return LOOPBACK.has(url.hostname)
}

/**
 * Refuse any URL that is not https, except loopback http when explicitly allowed.
 *
 * @throws TypeError for a malformed URL or a forbidden protocol (configuration error)
 */
export function assertSecureUrl(raw: string, allowInsecureLoopback: boolean, what: string): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new TypeError(`${what} is not a valid URL`)
  }
  if (url.protocol === 'https:') return url
  if (url.protocol === 'http:' && allowInsecureLoopback && isLoopback(url)) return url
  throw new TypeError(`${what} must use https (http is allowed for loopback hosts only)`)
}

/**
 * Parse `Retry-After` (delta-seconds or HTTP-date) into whole seconds from now.
 *
 * @returns seconds (≥ 0) or undefined when absent or unparseable
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  // Only an HTTP-date (IMF-fixdate ends in GMT); Date.parse accepts far too much else.
  if (!/GMT$/.test(trimmed)) return undefined
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, Math.ceil((date - nowMs) / 1000))
}

function isAbort(err: unknown): boolean {
  return err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')
}

const FAILURE_STATUSES = new Set([500, 502, 503, 504])

/**
 * Send one request through the transport's {@link HttpRequester} with its timeout, retry and
 * circuit-breaker policy, and read the whole answer. Every upstream call goes through here:
 * the REST calls directly, oauth4webapi's through {@link oauthRequestOptions}.
 *
 * @returns the final reply (callers map its status), with the interaction id it carried
 * @throws MoneyhubError `upstream_timeout` when the timeout fires, `upstream_unavailable` on a
 *   network error or while the circuit is open
 */
export async function sendText(t: Transport, req: OutboundRequest): Promise<UpstreamReply> {
  const url = assertSecureUrl(req.url, t.allowInsecureLoopback, 'upstream URL')
  const interactionId = randomUUID()
  const request = {
    method: req.method,
    url: url.href,
    headers: { ...req.headers, [INTERACTION_HEADER]: interactionId },
    ...(req.body === undefined ? {} : { body: req.body }),
    timeoutMs: t.timeouts[req.kind],
  }
  const breaker = t.breakers?.[req.kind === 'data' ? 'data' : 'identity']
  breaker?.admit()
  const maxAttempts = req.retry ? 1 + Math.min(2, Math.max(0, t.maxRetries)) : 1
  for (let attempt = 1; ; attempt++) {
    const started = t.now()
    let reply: UpstreamReply
    try {
      reply = await t.request(request)
    } catch (cause) {
      const timedOut = isAbort(cause)
      t.logger?.warn(
        {
          method: req.method,
          host: url.host,
          path: url.pathname,
          attempt,
          timedOut,
          interactionId,
        },
        'moneyhub request failed',
      )
      // A timeout may mean the request was processed: never retried (docs/security.md R4).
      if (!timedOut && attempt < maxAttempts) {
        await t.sleep(backoff(t, attempt))
        continue
      }
      breaker?.record(false)
      throw new MoneyhubError(
        timedOut ? 'upstream_timeout' : 'upstream_unavailable',
        timedOut
          ? `Moneyhub did not answer in time (${req.kind})`
          : 'Moneyhub could not be reached',
        { cause, interactionId },
      )
    }
    const status = reply.status
    t.logger?.debug(
      {
        method: req.method,
        host: url.host,
        path: url.pathname,
        status,
        ms: t.now() - started,
        attempt,
        interactionId,
      },
      'moneyhub request',
    )
    if (!RETRY_STATUSES.has(status) || attempt >= maxAttempts) {
      breaker?.record(!FAILURE_STATUSES.has(status))
      reply.interactionId = interactionId
      return reply
    }
    const retryAfter = parseRetryAfter(reply.header('retry-after'), t.now())
    if (retryAfter !== undefined && retryAfter * 1000 > t.maxRetryAfterMs) {
      // Fail fast: the caller passes Retry-After on instead of holding a request open.
      breaker?.record(!FAILURE_STATUSES.has(status))
      reply.interactionId = interactionId
      return reply
    }
    const delay = Math.max(backoff(t, attempt), (retryAfter ?? 0) * 1000)
    await t.sleep(delay)
  }
}

/**
 * The response headers a web `Response` built from a reply carries: those oauth4webapi and the
 * client read (content type, challenges, nonces, retry hints). A reply exposes headers by name
 * only, which keeps the Node transport from copying every header of every answer.
 */
const RESPONSE_HEADERS = [
  'content-type',
  'www-authenticate',
  'dpop-nonce',
  'retry-after',
  'cache-control',
  'location',
  'x-fapi-interaction-id',
]

/** Statuses whose `Response` must have a null body. */
const NULL_BODY = new Set([101, 204, 205, 304])

/** The whole body of each `Response` built from a reply, by response. */
const replyTexts = new WeakMap<Response, string>()

/** A web `Response` of a whole reply, for oauth4webapi and the JWKS cache. */
function responseOf(reply: UpstreamReply): Response {
  const headers = new Headers()
  for (const name of RESPONSE_HEADERS) {
    const value = reply.header(name)
    if (value !== null) headers.set(name, value)
  }
  const body = NULL_BODY.has(reply.status) ? null : reply.text
  const response = new Response(body, { status: reply.status, headers })
  // As `Response.text()` reads it: no body for these statuses, and a leading byte-order mark
  // dropped by the UTF-8 decoding.
  replyTexts.set(response, body === null ? '' : body.replace(/^\uFEFF/, ''))
  return response
}

/**
 * The body of `response` as text, leaving the response unread for oauth4webapi: the reply's
 * own text for a response {@link send} built (no copy of the web stream, which costs more than
 * the JSON parse), otherwise read from a clone.
 */
export function peekText(response: Response): Promise<string> {
  const text = replyTexts.get(response)
  return text === undefined ? response.clone().text() : Promise.resolve(text)
}

/**
 * {@link sendText} answering a web `Response`, for the callers that need one (oauth4webapi).
 *
 * @throws MoneyhubError as {@link sendText}
 */
export async function send(
  t: Transport,
  req: Omit<OutboundRequest, 'headers' | 'body'> & {
    headers: Record<string, string> | Headers
    body?: RequestInit['body']
  },
): Promise<Response> {
  const headers: Record<string, string> =
    req.headers instanceof Headers ? Object.fromEntries(req.headers) : { ...req.headers }
  const body = bodyText(req.body, headers)
  const { method, url, kind, retry } = req
  return responseOf(
    await sendText(t, {
      method,
      url,
      kind,
      retry,
      headers,
      ...(body === undefined ? {} : { body }),
    }),
  )
}

/**
 * The request body of an oauth4webapi call as text, with the content type `fetch` would add.
 *
 * @throws TypeError for a body type oauth4webapi never sends (streams, blobs)
 */
function bodyText(body: RequestInit['body'], headers: Record<string, string>): string | undefined {
  if (body === undefined || body === null) return undefined
  if (typeof body === 'string') return body
  if (body instanceof URLSearchParams) {
    headers['content-type'] ??= 'application/x-www-form-urlencoded;charset=UTF-8'
    return body.toString()
  }
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8')
  if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8')
  throw new TypeError('upstream request bodies are text, form or bytes only')
}

/** Full-jitter exponential backoff: random in [0, base · 2^(attempt-1)]. */
function backoff(t: Transport, attempt: number): number {
  return Math.floor(t.random() * t.baseDelayMs * 2 ** (attempt - 1))
}

/** The oauth4webapi request options of {@link oauthRequestOptions}. */
export interface OauthRequestOptions {
  [oauth.customFetch]: NonNullable<
    oauth.HttpRequestOptions<string, unknown>[typeof oauth.customFetch]
  >
  [oauth.allowInsecureRequests]: boolean
}

/**
 * Request options that route oauth4webapi through the transport (timeouts, retries for GET
 * only, https enforcement). `allowInsecureRequests` is set only for loopback simulators.
 */
export function oauthRequestOptions(t: Transport): OauthRequestOptions {
  return {
    [oauth.customFetch]: (url, options) =>
      send(t, {
        method: options.method,
        url,
        kind: 'identity',
        headers: options.headers,
        body: options.body as RequestInit['body'],
        retry: options.method === 'GET',
      }),
    [oauth.allowInsecureRequests]: t.allowInsecureLoopback,
  }
}
