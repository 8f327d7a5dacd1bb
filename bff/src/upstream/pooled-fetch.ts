import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'

import type { FetchLike } from '../moneyhub'

/** Options of {@link createPooledFetch}. */
export interface PooledFetchOptions {
  /** Sockets per upstream host (default 64); further requests queue on the agent. */
  maxSockets?: number
  /** Idle sockets kept per host (default 16). */
  maxFreeSockets?: number
  /** Largest response body accepted, in bytes (default 8 MiB); larger ones fail. */
  maxBodyBytes?: number
}

/** A {@link FetchLike} over pooled keep-alive sockets; `close()` frees them. */
export interface PooledFetch extends FetchLike {
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

/**
 * A `fetch` for the Moneyhub client over Node's `http`/`https` with keep-alive connection
 * pools per upstream host and a bounded number of sockets (checklist R12). It never follows
 * redirects (C6), honours `init.signal` (the client's timeouts, R1) by rejecting with the
 * signal's reason as `fetch` does, verifies TLS certificates (Node's defaults, K7), caps the
 * response size, and answers a real `Response`, so oauth4webapi and the client see the same
 * objects as with the global `fetch`.
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

  const pooled = (input: string, init: RequestInit): Promise<Response> =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input)
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        reject(new TypeError('pooled fetch supports http and https only'))
        return
      }
      const signal = init.signal ?? undefined
      if (signal?.aborted === true) {
        reject(abortReason(signal))
        return
      }
      const method = (init.method ?? 'GET').toUpperCase()
      const headers = new Headers(init.headers)
      let body: Buffer | undefined
      try {
        body = requestBody(init, headers)
      } catch (error) {
        reject(error instanceof Error ? error : new TypeError('unsupported body'))
        return
      }
      if (body !== undefined) headers.set('content-length', String(body.length))
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest
      const req = send(url, {
        method,
        agent: url.protocol === 'https:' ? https : http,
        headers: Object.fromEntries(headers),
      })
      let settled = false
      const fail = (error: Error) => {
        if (settled) return
        settled = true
        signal?.removeEventListener('abort', onAbort)
        reject(error)
      }
      const onAbort = () => {
        fail(abortReason(signal))
        req.destroy()
      }
      signal?.addEventListener('abort', onAbort, { once: true })
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
          if (settled) return
          settled = true
          signal?.removeEventListener('abort', onAbort)
          try {
            resolve(toResponse(res, Buffer.concat(chunks), method))
          } catch (error) {
            reject(error instanceof Error ? error : new TypeError('fetch failed'))
          }
        })
      })
      req.end(body)
    })

  return Object.assign(pooled, {
    close() {
      http.destroy()
      https.destroy()
    },
  })
}
