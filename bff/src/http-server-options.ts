/**
 * Timeouts of the BFF's Node HTTP server, chosen so that a keep-alive connection is always
 * closed by the client (or the proxy in front), never by the server under a request.
 *
 * Node's default `keepAliveTimeout` is 5 s, and Node advertises exactly that to clients
 * (`Keep-Alive: timeout=5`). Clients that honour the hint retire an idle connection about 1 s
 * before it (undici: hint minus 1 s, on timers that can fire up to a second late), and proxies
 * and load balancers keep idle upstream connections for 60 s. Either way a client can reuse a
 * connection at the moment the server's timer closes it: the request is written to a socket
 * that is already closing and fails with "other side closed", after a normal response and
 * with nothing in the server log. So the server keeps idle connections longer than any client
 * idle time, advertises a shorter time than it keeps, and its headers timeout is longer still
 * so the headers timer never cuts an idle keep-alive connection first.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http'

/**
 * The longest idle time of a keep-alive client or proxy in front of the BFF that the server
 * outlasts: 60 s (the common load-balancer and reverse-proxy default). It is also the time the
 * server advertises in `Keep-Alive: timeout=60`.
 */
export const CLIENT_IDLE_TIMEOUT_MS = 60_000

/** How much longer than the client's idle time (and the advertised time) the server keeps a connection. */
const KEEP_ALIVE_MARGIN_MS = 5_000
/** How much longer than the keep-alive timeout the server waits for a request's headers. */
const HEADERS_MARGIN_MS = 1_000
/** Longest time a whole request may take (Node's default, 5 minutes). */
const REQUEST_TIMEOUT_MS = 300_000

/** What {@link applyHttpServerTimeouts} sets on a Node HTTP server. */
export interface HttpServerTimeouts {
  /** How long an idle keep-alive connection stays open, in ms. */
  keepAliveTimeout: number
  /** How long the server waits for a request's headers, in ms. */
  headersTimeout: number
  /** How long a whole request may take, in ms. */
  requestTimeout: number
  /**
   * The idle time advertised in `Keep-Alive: timeout=<s>`, in whole seconds, below
   * `keepAliveTimeout` by the margin; 0 leaves Node's own header (sub-second test values).
   */
  keepAliveHintSeconds: number
}

/**
 * The server timeouts that outlast a client idle time: keep-alive 5 s longer than the client's,
 * advertised as the client's idle time, headers 1 s longer again, whole requests 5 minutes (at
 * least the headers timeout).
 *
 * @param clientIdleTimeoutMs - the longest idle time of a client or proxy in front of the BFF
 *   (default {@link CLIENT_IDLE_TIMEOUT_MS}); tests pass a small value.
 * @returns the timeouts to apply.
 * @throws {TypeError} when `clientIdleTimeoutMs` is not a positive integer.
 */
export function httpServerTimeouts(
  clientIdleTimeoutMs: number = CLIENT_IDLE_TIMEOUT_MS,
): HttpServerTimeouts {
  if (!Number.isSafeInteger(clientIdleTimeoutMs) || clientIdleTimeoutMs <= 0) {
    throw new TypeError('clientIdleTimeoutMs must be a positive integer of milliseconds')
  }
  const keepAliveTimeout = clientIdleTimeoutMs + KEEP_ALIVE_MARGIN_MS
  const headersTimeout = keepAliveTimeout + HEADERS_MARGIN_MS
  return {
    keepAliveTimeout,
    headersTimeout,
    requestTimeout: Math.max(REQUEST_TIMEOUT_MS, headersTimeout),
    keepAliveHintSeconds: Math.floor(clientIdleTimeoutMs / 1000),
  }
}

/**
 * Sets the keep-alive, headers and request timeouts on a Node HTTP server (the one
 * `@hono/node-server`'s `serve` returns), and advertises the shorter keep-alive time in a
 * `Keep-Alive: timeout=<s>` header so clients that honour it retire the connection first (Node
 * would advertise the full `keepAliveTimeout`, leaving no margin).
 *
 * @param server - the Node HTTP server.
 * @param timeouts - default {@link httpServerTimeouts}().
 */
export function applyHttpServerTimeouts(
  server: Server,
  timeouts: HttpServerTimeouts = httpServerTimeouts(),
): void {
  server.keepAliveTimeout = timeouts.keepAliveTimeout
  server.headersTimeout = timeouts.headersTimeout
  server.requestTimeout = timeouts.requestTimeout
  const hint = timeouts.keepAliveHintSeconds
  if (hint > 0) {
    // Before the app's listener, which may write the head synchronously.
    server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
      if (res.shouldKeepAlive) res.setHeader('Keep-Alive', `timeout=${String(hint)}`)
    })
  }
}
