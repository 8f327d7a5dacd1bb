/**
 * `@mhkit/bff/node` — runs a BFF built by `createBff` on Node's HTTP server, on its own
 * (`serveBff`) or inside an existing Express or `node:http` server (`nodeHandler`).
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { getRequestListener, serve } from '@hono/node-server'

import type { Bff } from './create-bff'
import { applyHttpServerTimeouts } from './http-server-options'

/** Options of {@link serveBff}. */
export interface ServeOptions {
  /** Interface to bind (default `127.0.0.1`: put a reverse proxy in front for the internet). */
  host?: string
  /** Port (default 8787; 0 picks a free one). */
  port?: number
}

/** A BFF listening on a port. */
export interface ServedBff {
  readonly server: Server
  /** Resolves with the bound address once the server listens. */
  readonly listening: Promise<AddressInfo>
  /** Stops accepting connections, ends idle keep-alive sockets, then closes the BFF. */
  close(): Promise<void>
}

/**
 * Serves a BFF on Node's HTTP server, with keep-alive and header timeouts that outlast the idle
 * time of clients and proxies, so a reused connection is never closed under a request.
 *
 * @param bff - from `createBff`
 * @param options - host and port
 */
export function serveBff(bff: Bff, options: ServeOptions = {}): ServedBff {
  let ready: (address: AddressInfo) => void = () => undefined
  const listening = new Promise<AddressInfo>((resolve) => (ready = resolve))
  const server = serve(
    { fetch: bff.fetch, hostname: options.host ?? '127.0.0.1', port: options.port ?? 8787 },
    ready,
  ) as Server
  // Outlast the idle time of keep-alive clients and proxies (see http-server-options.ts).
  applyHttpServerTimeouts(server)
  return {
    server,
    listening,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeIdleConnections()
      })
      await bff.close()
    },
  }
}

/** An Express-style handler: answers the BFF's paths, passes everything else to `next`. */
export type NodeHandler = (
  req: IncomingMessage & { originalUrl?: string },
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void

/**
 * A request handler for an existing Express app or `node:http` server. It answers only the
 * BFF's paths (`/api/*`, `/.well-known/jwks.json`, `/healthz`, `/readyz`) and calls `next`
 * (or answers 404 without one) for the rest. Mount it before any body parser: the BFF reads
 * and limits request bodies itself.
 *
 * @example
 * ```ts
 * const app = express()
 * app.use(nodeHandler(bff)) // before express.json()
 * ```
 * @param bff - from `createBff`
 */
export function nodeHandler(bff: Bff): NodeHandler {
  const listener = getRequestListener(bff.app.fetch)
  return (req, res, next) => {
    // Express rewrites req.url under a mount path; the BFF routes on the full path.
    const url = req.originalUrl ?? req.url ?? '/'
    if (!bff.handles(url.split('?', 1)[0] ?? '/')) {
      if (next !== undefined) next()
      else res.writeHead(404).end()
      return
    }
    if (req.readableEnded && req.method !== 'GET' && req.method !== 'HEAD') {
      // A body parser ran first and consumed the body the BFF must read and check itself.
      const correlationId = randomUUID()
      bff.logger.error(
        { requestId: correlationId },
        'the BFF is mounted after a body parser; mount nodeHandler(bff) first',
      )
      res.writeHead(500, { 'content-type': 'application/json', 'x-request-id': correlationId })
      res.end(
        JSON.stringify({
          error: { code: 'internal_error', message: 'Server misconfiguration.', correlationId },
        }),
      )
      return
    }
    req.url = url
    void listener(req, res)
  }
}
