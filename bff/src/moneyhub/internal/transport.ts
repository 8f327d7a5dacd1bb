/**
 * The one place the client touches the network: timeouts (an `AbortSignal` on `fetch`, the
 * requester's own timer on the REST path), retries for idempotent GETs only (network errors,
 * 429, 502, 503, 504; full-jitter backoff; `Retry-After` honoured up to a cap), a circuit
 * breaker per upstream, https enforcement, an `x-fapi-interaction-id` on every call, and a log
 * line without secrets.
 */
import { randomUUID } from 'node:crypto'
import * as oauth from 'oauth4webapi'

import { MoneyhubError } from '../errors'
import { requesterFromFetch, type FetchLike, type HttpRequester, type UpstreamReply } from '../http'
import type { CircuitBreakerOptions, MoneyhubLogger } from '../transport-options'

/** Which upstream a call goes to; picks the timeout. */
type CallKind = 'identity' | 'jwks' | 'data'

/** Everything the transport needs, built once per client. */
export interface Transport {
  fetch: FetchLike
  /** REST calls; built from `fetch` when absent. */
  request?: HttpRequester
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
  headers?: Record<string, string> | Headers
  body?: RequestInit['body']
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

/** How {@link withPolicy} drives one kind of answer (a web `Response` or an {@link UpstreamReply}). */
interface Exchange<R> {
  call(timeoutMs: number): Promise<R>
  status(answer: R): number
  header(answer: R, name: string): string | null
  /** Frees an answer that will not be read (before a retry). */
  discard(answer: R): Promise<void>
}

const FAILURE_STATUSES = new Set([500, 502, 503, 504])

async function withPolicy<R>(
  t: Transport,
  req: OutboundRequest,
  url: URL,
  interactionId: string,
  exchange: Exchange<R>,
): Promise<R> {
  const breaker = t.breakers?.[req.kind === 'data' ? 'data' : 'identity']
  breaker?.admit()
  const maxAttempts = req.retry ? 1 + Math.min(2, Math.max(0, t.maxRetries)) : 1
  for (let attempt = 1; ; attempt++) {
    const started = t.now()
    let answer: R
    try {
      answer = await exchange.call(t.timeouts[req.kind])
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
    const status = exchange.status(answer)
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
      return answer
    }
    const retryAfter = parseRetryAfter(exchange.header(answer, 'retry-after'), t.now())
    if (retryAfter !== undefined && retryAfter * 1000 > t.maxRetryAfterMs) {
      // Fail fast: the caller passes Retry-After on instead of holding a request open.
      breaker?.record(!FAILURE_STATUSES.has(status))
      return answer
    }
    await exchange.discard(answer)
    const delay = Math.max(backoff(t, attempt), (retryAfter ?? 0) * 1000)
    await t.sleep(delay)
  }
}

/**
 * Send one request through `fetch` with the transport's timeout, retry and circuit-breaker
 * policy; for oauth4webapi, which needs a web `Response`.
 *
 * @returns the final `Response` (callers map its status)
 * @throws MoneyhubError `upstream_timeout` when the timeout fires, `upstream_unavailable` on a
 *   network error or while the circuit is open, `rate_limited` / `upstream_unavailable` with
 *   `retryAfter` when the upstream asks for a longer wait than the inline cap
 */
export async function send(t: Transport, req: OutboundRequest): Promise<Response> {
  const url = assertSecureUrl(req.url, t.allowInsecureLoopback, 'upstream URL')
  const interactionId = randomUUID()
  const headers = new Headers(req.headers)
  headers.set(INTERACTION_HEADER, interactionId)
  return withPolicy(t, req, url, interactionId, {
    call: (timeoutMs) =>
      t.fetch(url.href, {
        method: req.method,
        headers,
        body: req.body ?? null,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      }),
    status: (response) => response.status,
    header: (response, name) => response.headers.get(name),
    discard: async (response) => {
      try {
        await response.body?.cancel()
      } catch {
        // Nothing to do: the body was already consumed or the stream errored.
      }
    },
  })
}

/**
 * Send one REST request through the lean {@link HttpRequester} (no web streams), with the
 * same policy as {@link send}, and read the whole answer.
 *
 * @throws MoneyhubError as {@link send}
 */
export async function sendText(
  t: Transport,
  req: OutboundRequest & { headers: Record<string, string>; body?: string },
): Promise<UpstreamReply> {
  const url = assertSecureUrl(req.url, t.allowInsecureLoopback, 'upstream URL')
  const request = (t.request ??= requesterFromFetch(t.fetch))
  const interactionId = randomUUID()
  const given: Record<string, string> = req.headers
  const headers = { ...given, [INTERACTION_HEADER]: interactionId }
  const reply = await withPolicy(t, req, url, interactionId, {
    call: (timeoutMs) =>
      request({
        method: req.method,
        url: url.href,
        headers,
        ...(req.body === undefined ? {} : { body: req.body }),
        timeoutMs,
      }),
    status: (answer) => answer.status,
    header: (answer, name) => answer.header(name),
    discard: () => Promise.resolve(),
  })
  reply.interactionId = interactionId
  return reply
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
