import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { JWK } from 'jose'

/**
 * A relying party's public key endpoint on loopback, as the BFF serves
 * `/.well-known/jwks.json`: the keys can be swapped (rotation) and the server stopped and
 * started again on the same port (a BFF that starts after the simulator).
 */
export interface JwksServer {
  /** The jwks_uri to register, using `hostname` (default: the bound host). */
  uri(hostname?: string): string
  /** Serve these public keys from now on. */
  setKeys(keys: JWK[]): void
  /** Answer with this status (default 200; anything else sends no keys, like a BFF starting up). */
  setStatus(status: number): void
  /** GET requests answered so far (how often the simulator fetched the keys). */
  readonly fetches: number
  /** Listen (again) on the server's port. */
  start(): Promise<void>
  /** Stop listening; connections to the port are then refused. */
  stop(): Promise<void>
}

const PATH = '/.well-known/jwks.json'

/**
 * Reserve a port on `host` and build a JWKS server for it; it is not listening until `start()`.
 *
 * @param host - Interface to bind (`127.0.0.1` or `localhost`).
 * @param keys - Public keys served initially.
 */
export async function createJwksServer(host: string, keys: JWK[] = []): Promise<JwksServer> {
  let served = keys
  let status = 200
  let fetches = 0
  let server: Server | undefined

  const listen = async (port: number): Promise<number> => {
    const next = createServer((req, res) => {
      if (req.method !== 'GET' || req.url !== PATH) {
        res.writeHead(404).end()
        return
      }
      fetches += 1
      if (status !== 200) {
        res.writeHead(status, { 'content-type': 'text/plain' }).end('not ready')
        return
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ keys: served }))
    })
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject)
      next.listen(port, host, () => {
        next.off('error', reject)
        resolve()
      })
    })
    server = next
    return (next.address() as AddressInfo).port
  }

  const stop = async (): Promise<void> => {
    const current = server
    server = undefined
    if (!current) return
    current.closeAllConnections()
    await new Promise<void>((resolve) => current.close(() => resolve()))
  }

  // Bind once to learn a free port, then release it so the caller decides when it listens.
  const port = await listen(0)
  await stop()

  return {
    uri: (hostname = host) => `http://${hostname}:${String(port)}${PATH}`,
    setKeys: (next) => {
      served = next
    },
    setStatus: (next) => {
      status = next
    },
    get fetches() {
      return fetches
    },
    start: async () => {
      if (!server) await listen(port)
    },
    stop,
  }
}
