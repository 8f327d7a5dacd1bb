/**
 * The lean HTTP seam of the client: what a REST call needs of the network (a status, headers
 * and the whole body as text), without the web `Response` and its streams. `fetch` stays the
 * seam for oauth4webapi (discovery, PAR, token, JWKS), which needs real `Response` objects.
 */

/** The fetch signature the client uses (the global `fetch` fits). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

/** One request of a REST call. */
export interface UpstreamRequest {
  method: string
  /** Absolute URL, already checked by the transport (https, or loopback http when allowed). */
  url: string
  headers: Record<string, string>
  body?: string
  /** Give up after this many ms: reject with an error named `TimeoutError`. */
  timeoutMs: number
}

/** A whole upstream answer. */
export interface UpstreamReply {
  status: number
  /** A header by case-insensitive name (repeated headers joined with `, `), or null. */
  header(name: string): string | null
  /** The body, decoded as UTF-8 (empty when there is none). */
  text: string
  /** The `x-fapi-interaction-id` the transport sent (set by the transport, not the requester). */
  interactionId?: string
}

/**
 * Sends one request and reads the whole answer. Rejects with an error named `TimeoutError`
 * when `timeoutMs` passes first, and with any other error when the upstream cannot be reached
 * or the connection fails mid-answer; never follows redirects.
 */
export type HttpRequester = (request: UpstreamRequest) => Promise<UpstreamReply>

/**
 * The default {@link HttpRequester}: one `fetch` call (timeout through `AbortSignal`, which
 * also covers reading the body), for clients given only a `fetch`.
 *
 * @param fetchLike - the client's fetch
 */
export function requesterFromFetch(fetchLike: FetchLike): HttpRequester {
  return async (request) => {
    const response = await fetchLike(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body ?? null,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    })
    const text = await response.text()
    return { status: response.status, header: (name) => response.headers.get(name), text }
  }
}
