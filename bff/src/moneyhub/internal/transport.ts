/**
 * The one place the client touches the network: timeouts through `AbortSignal`, retries for
 * idempotent GETs only (network errors, 429, 502, 503, 504; full-jitter backoff; `Retry-After`
 * honoured up to a cap), https enforcement, and a log line without secrets.
 */
import { MoneyhubError } from '../errors'
import type { FetchLike, MoneyhubLogger } from '../types'

/** Which upstream a call goes to; picks the timeout. */
export type CallKind = 'identity' | 'jwks' | 'data'

/** Everything the transport needs, built once per client. */
export interface Transport {
  fetch: FetchLike
  now: () => number
  random: () => number
  sleep: (ms: number) => Promise<void>
  logger?: MoneyhubLogger
  allowInsecureLoopback: boolean
  timeouts: Record<CallKind, number>
  maxRetries: number
  baseDelayMs: number
  maxRetryAfterMs: number
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

const RETRY_STATUSES = new Set([429, 502, 503, 504])
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])

/** Is this a loopback host (the simulator)? */
export function isLoopback(url: URL): boolean {
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

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel()
  } catch {
    // Nothing to do: the body was already consumed or the stream errored.
  }
}

/**
 * Send one request with the transport's timeout and retry policy.
 *
 * @returns the final `Response` (callers map its status)
 * @throws MoneyhubError `upstream_timeout` when the timeout fires, `upstream_unavailable` on a
 *   network error, `rate_limited` / `upstream_unavailable` with `retryAfter` when the upstream asks
 *   for a longer wait than the inline cap
 */
export async function send(t: Transport, req: OutboundRequest): Promise<Response> {
  const url = assertSecureUrl(req.url, t.allowInsecureLoopback, 'upstream URL')
  const maxAttempts = req.retry ? 1 + Math.min(2, Math.max(0, t.maxRetries)) : 1
  for (let attempt = 1; ; attempt++) {
    const started = t.now()
    let response: Response
    try {
      response = await t.fetch(url.href, {
        method: req.method,
        headers: req.headers ?? {},
        body: req.body ?? null,
        redirect: 'manual',
        signal: AbortSignal.timeout(t.timeouts[req.kind]),
      })
    } catch (cause) {
      const timedOut = isAbort(cause)
      t.logger?.warn(
        { method: req.method, host: url.host, path: url.pathname, attempt, timedOut },
        'moneyhub request failed',
      )
      // A timeout may mean the request was processed: never retried (checklist R4).
      if (!timedOut && attempt < maxAttempts) {
        await t.sleep(backoff(t, attempt))
        continue
      }
      throw new MoneyhubError(
        timedOut ? 'upstream_timeout' : 'upstream_unavailable',
        timedOut
          ? `Moneyhub did not answer in time (${req.kind})`
          : 'Moneyhub could not be reached',
        { cause },
      )
    }
    t.logger?.debug(
      {
        method: req.method,
        host: url.host,
        path: url.pathname,
        status: response.status,
        ms: t.now() - started,
        attempt,
      },
      'moneyhub request',
    )
    if (!RETRY_STATUSES.has(response.status) || attempt >= maxAttempts) return response
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'), t.now())
    if (retryAfter !== undefined && retryAfter * 1000 > t.maxRetryAfterMs) {
      // Fail fast: the caller passes Retry-After on instead of holding a request open.
      return response
    }
    await discard(response)
    const delay = Math.max(backoff(t, attempt), (retryAfter ?? 0) * 1000)
    await t.sleep(delay)
  }
}

/** Full-jitter exponential backoff: random in [0, base · 2^(attempt-1)]. */
function backoff(t: Transport, attempt: number): number {
  return Math.floor(t.random() * t.baseDelayMs * 2 ** (attempt - 1))
}
