/**
 * The client's network seam on Node's `http`/`https`: one {@link HttpRequester} over keep-alive
 * connection pools, used for every upstream call (data API, identity REST, and oauth4webapi's
 * discovery, PAR, token and JWKS requests through `[customFetch]`).
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'

import type { HttpRequester, UpstreamReply } from './http'

/** Options of {@link createHttpTransport}. */
export interface HttpTransportOptions {
  /** Sockets per upstream host (default 64); further requests queue on the agent. */
  maxSockets?: number
  /**
   * Idle sockets kept per host (default: `maxSockets`). Every socket a spike of requests opened
   * stays ready for the next spike; with fewer, the sockets above the limit close as their
   * answers arrive, and the next spike waits for as many new connections (and TLS handshakes).
   */
  maxFreeSockets?: number
  /**
   * How long an idle socket stays in the pool, in ms (default 4,000), and shorter when the
   * upstream's `Keep-Alive: timeout` hint asks for it (Node closes it a second before the
   * hint). A server closes idle connections on its own timer; a socket kept past it fails the
   * next request written to it, and a POST (a token, a payment) is never retried (docs/security.md
   * R13), so the pool lets go first: 4 s is under the 5 s that Node servers and many proxies keep
   * an idle connection.
   */
  idleTimeoutMs?: number
  /** Largest response body accepted, in bytes (default 8 MiB); larger ones fail. */
  maxBodyBytes?: number
  /**
   * Requests allowed to wait for a socket per host, beyond `maxSockets` in flight (default
   * 256); one more fails at once as a network error, so an overloaded upstream sheds load
   * instead of queueing without bound (docs/security.md R12).
   */
  maxQueued?: number
}

/** The pooled requester and the way to free its sockets. */
export interface HttpTransport {
  /** Pass it as the client's `request` option. */
  readonly request: HttpRequester
  /** Destroys the pooled sockets (at shutdown). */
  close(): void
}

function headerOf(res: IncomingMessage): UpstreamReply['header'] {
  const headers = res.headers
  return (name) => {
    const value = headers[name.toLowerCase()]
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value
  }
}

function timeoutError(): Error {
  return new DOMException('The operation timed out', 'TimeoutError')
}

/**
 * A {@link HttpRequester} over Node's `http`/`https` with keep-alive connection pools per
 * upstream host and a bounded number of sockets (docs/security.md R12). It never follows
 * redirects (C6), gives up after the request's `timeoutMs` with a `TimeoutError` (R1) — its
 * own timer, no `AbortSignal` —, verifies TLS certificates (Node's defaults, K7), caps the
 * response size and bounds the requests waiting for a socket (R12). It answers a plain
 * {@link UpstreamReply}: no `Headers`, `Response`, web stream or signal per call, which is most
 * of what a call through `fetch` costs in CPU.
 *
 * @param options - pool sizes, the body cap and the queue bound
 * @returns the requester (rejects with TypeError "fetch failed…" for a network failure, a
 *   refused scheme, an oversized answer or a full queue; with `TimeoutError` when late)
 */
export function createHttpTransport(options: HttpTransportOptions = {}): HttpTransport {
  const maxSockets = options.maxSockets ?? 64
  const agentOptions = {
    keepAlive: true,
    maxSockets,
    maxFreeSockets: options.maxFreeSockets ?? maxSockets,
    // Node's agent applies it to idle sockets only (and then takes the server's hint when
    // shorter); a request in flight keeps its own timer below.
    timeout: options.idleTimeoutMs ?? 4_000,
  }
  const http = new HttpAgent(agentOptions)
  const https = new HttpsAgent(agentOptions)
  const maxBody = options.maxBodyBytes ?? 8 * 1024 * 1024
  const maxWaiting = agentOptions.maxSockets + (options.maxQueued ?? 256)
  const inFlight = new Map<string, number>()

  const request: HttpRequester = (upstream) =>
    new Promise((resolve, reject) => {
      let url: URL
      try {
        url = new URL(upstream.url)
      } catch (cause) {
        reject(new TypeError('fetch failed: not a URL', { cause }))
        return
      }
      const secure = url.protocol === 'https:'
      if (!secure && url.protocol !== 'http:') {
        reject(new TypeError('fetch failed: http and https only'))
        return
      }
      const host = url.host
      const busy = inFlight.get(host) ?? 0
      if (busy >= maxWaiting) {
        reject(new TypeError('fetch failed: too many requests waiting for this upstream'))
        return
      }
      inFlight.set(host, busy + 1)
      const body = upstream.body === undefined ? undefined : Buffer.from(upstream.body, 'utf8')
      const headers =
        body === undefined
          ? upstream.headers
          : { ...upstream.headers, 'content-length': String(body.length) }
      const req = (secure ? httpsRequest : httpRequest)(url, {
        method: upstream.method,
        agent: secure ? https : http,
        headers,
      })
      let settled = false
      const finish = (): boolean => {
        if (settled) return false
        settled = true
        clearTimeout(timer)
        inFlight.set(host, (inFlight.get(host) ?? 1) - 1)
        return true
      }
      const fail = (error: Error) => {
        if (finish()) reject(error)
        req.destroy()
      }
      // One timer covers the socket wait, the request and reading the whole answer.
      const timer = setTimeout(() => fail(timeoutError()), upstream.timeoutMs)
      req.on('error', (cause) => fail(new TypeError('fetch failed', { cause })))
      req.on('response', (res) => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > maxBody) {
            fail(new TypeError('fetch failed: response body too large'))
            return
          }
          chunks.push(chunk)
        })
        res.on('error', (cause) => fail(new TypeError('fetch failed', { cause })))
        res.on('end', () => {
          if (!finish()) return
          const whole = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
          resolve({
            status: res.statusCode ?? 502,
            header: headerOf(res),
            text: whole.toString('utf8'),
          })
        })
      })
      req.end(body)
    })

  return {
    request,
    close() {
      http.destroy()
      https.destroy()
    },
  }
}
