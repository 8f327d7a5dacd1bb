import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'

import type { FetchLike } from '../moneyhub'
import type { HttpRequester, UpstreamReply } from '../moneyhub/http'

/** Options of {@link createPooledFetch}. */
export interface PooledFetchOptions {
  /** Sockets per upstream host (default 64); further requests queue on the agent. */
  maxSockets?: number
  /** Idle sockets kept per host (default 16). */
  maxFreeSockets?: number
  /** Largest response body accepted, in bytes (default 8 MiB); larger ones fail. */
  maxBodyBytes?: number
  /**
   * Requests allowed to wait for a socket per host, beyond `maxSockets` in flight (default
   * 256); one more fails at once as a network error, so an overloaded upstream sheds load
   * instead of queueing without bound (docs/security.md R12).
   */
  maxQueued?: number
}

/**
 * A {@link FetchLike} over pooled keep-alive sockets, with `request`, the lean
 * {@link HttpRequester} over the same pools (for the client's REST calls); `close()` frees them.
 */
export interface PooledFetch extends FetchLike {
  request: HttpRequester
  close(): void
}

function requestBody(init: RequestInit, headers: Headers): Buffer | undefined {
  const body = init.body
  if (body === undefined || body === null) return undefined
  if (typeof body === 'string') {
    if (!headers.has('content-type')) headers.set('content-type', 'text/plain;charset=UTF-8')
    return Buffer.from(body, 'utf8')
  }
  if (body instanceof URLSearchParams) {
    if (!headers.has('content-type')) {
      headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8')
    }
    return Buffer.from(body.toString(), 'utf8')
  }
  if (body instanceof Uint8Array) return Buffer.from(body)
  throw new TypeError('pooled fetch supports string, URLSearchParams and Uint8Array bodies only')
}

// `fetch` rejects with the signal's reason (a DOMException such as TimeoutError) as is.
function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason
  return reason instanceof Error
    ? reason
    : new DOMException('This operation was aborted', 'AbortError')
}

function toResponse(res: IncomingMessage, body: Buffer, method: string): Response {
  const headers = new Headers()
  const raw = res.rawHeaders
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] ?? '', raw[i + 1] ?? '')
  const status = res.statusCode ?? 502
  const empty = status === 204 || status === 205 || status === 304 || method === 'HEAD'
  return new Response(empty ? null : body, { status, statusText: res.statusMessage ?? '', headers })
}

function toReply(res: IncomingMessage, body: Buffer): UpstreamReply {
  const headers = res.headers
  return {
    status: res.statusCode ?? 502,
    header(name) {
      const value = headers[name.toLowerCase()]
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value
    },
    text: body.toString('utf8'),
  }
}

/** One request/answer over the pools; `cancel` lets the caller abort it with an error. */
interface RoundTrip {
  url: URL
  method: string
  headers: Record<string, string>
  body: Buffer | undefined
  /** Wires the caller's abort (signal or timer); returns its cleanup. */
  cancel(abort: (error: Error) => void): () => void
}

/**
 * A `fetch` for the Moneyhub client over Node's `http`/`https` with keep-alive connection
 * pools per upstream host and a bounded number of sockets (docs/security.md R12). It never follows
 * redirects (C6), honours `init.signal` (the client's timeouts, R1) by rejecting with the
 * signal's reason as `fetch` does, verifies TLS certificates (Node's defaults, K7), caps the
 * response size, bounds the requests waiting for a socket (R12), and answers a real
 * `Response`, so oauth4webapi sees the same objects as with the global `fetch`. Its `request`
 * member does the same over the same pools for the client's REST calls, answering a plain
 * {@link UpstreamReply} with a timer for the timeout: no `Headers`, `Response`, stream or
 * `AbortSignal` per call, which is most of what a data call costs the BFF in CPU.
 *
 * @param options - pool sizes and the body cap
 * @throws TypeError (from the returned function) for an unsupported body type, a network
 *   failure ("fetch failed", like `fetch`) or an oversized response
 */
export function createPooledFetch(options: PooledFetchOptions = {}): PooledFetch {
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets ?? 64,
    maxFreeSockets: options.maxFreeSockets ?? 16,
  }
  const http = new HttpAgent(agentOptions)
  const https = new HttpsAgent(agentOptions)
  const maxBody = options.maxBodyBytes ?? 8 * 1024 * 1024

  const maxQueued = options.maxQueued ?? 256
  const inFlight = new Map<string, number>()

  /** Sends one request over the pools and resolves with the response and its whole body. */
  const roundTrip = (trip: RoundTrip): Promise<{ res: IncomingMessage; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const { url } = trip
      const host = url.host
      const busy = inFlight.get(host) ?? 0
      if (busy >= agentOptions.maxSockets + maxQueued) {
        reject(new TypeError('fetch failed: too many requests waiting for this upstream'))
        return
      }
      inFlight.set(host, busy + 1)
      const secure = url.protocol === 'https:'
      const req = (secure ? httpsRequest : httpRequest)(url, {
        method: trip.method,
        agent: secure ? https : http,
        headers: trip.headers,
      })
      let settled = false
      const finish = (): boolean => {
        if (settled) return false
        settled = true
        inFlight.set(host, (inFlight.get(host) ?? 1) - 1)
        cleanup()
        return true
      }
      const fail = (error: Error) => {
        if (finish()) reject(error)
      }
      const cleanup = trip.cancel((error) => {
        fail(error)
        req.destroy()
      })
      req.on('error', (cause) => fail(new TypeError('fetch failed', { cause })))
      req.on('response', (res) => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > maxBody) {
            fail(new TypeError('fetch failed: response body too large'))
            req.destroy()
            return
          }
          chunks.push(chunk)
        })
        res.on('error', (cause) => fail(new TypeError('fetch failed', { cause })))
        res.on('end', () => {
          if (finish())
            resolve({ res, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) })
        })
      })
      req.end(trip.body)
    })

  const checkedUrl = (input: string): URL => {
    const url = new URL(input)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new TypeError('pooled fetch supports http and https only')
    }
    return url
  }

  const pooled = async (input: string, init: RequestInit): Promise<Response> => {
    const url = checkedUrl(input)
    const signal = init.signal ?? undefined
    if (signal?.aborted === true) throw abortReason(signal)
    const method = (init.method ?? 'GET').toUpperCase()
    const headers = new Headers(init.headers)
    const body = requestBody(init, headers)
    if (body !== undefined) headers.set('content-length', String(body.length))
    const { res, body: answer } = await roundTrip({
      url,
      method,
      headers: Object.fromEntries(headers),
      body,
      cancel(abort) {
        if (signal === undefined) return () => undefined
        const onAbort = () => abort(abortReason(signal))
        signal.addEventListener('abort', onAbort, { once: true })
        return () => signal.removeEventListener('abort', onAbort)
      },
    })
    return toResponse(res, answer, method)
  }

  // The REST path: no Headers, Response or streams, and a plain timer instead of a signal.
  const request: HttpRequester = async (upstream) => {
    const url = checkedUrl(upstream.url)
    const body = upstream.body === undefined ? undefined : Buffer.from(upstream.body, 'utf8')
    const headers =
      body === undefined
        ? upstream.headers
        : { ...upstream.headers, 'content-length': String(body.length) }
    const { res, body: answer } = await roundTrip({
      url,
      method: upstream.method,
      headers,
      body,
      cancel(abort) {
        const timer = setTimeout(
          () => abort(new DOMException('The operation timed out', 'TimeoutError')),
          upstream.timeoutMs,
        )
        return () => clearTimeout(timer)
      },
    })
    return toReply(res, answer)
  }

  return Object.assign(pooled, {
    request,
    close() {
      http.destroy()
      https.destroy()
    },
  })
}
