import type { Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'

import {
  applyHttpServerTimeouts,
  CLIENT_IDLE_TIMEOUT_MS,
  httpServerTimeouts,
} from './http-server-options'

const servers: Server[] = []
const sockets: Socket[] = []

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy()
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections()
          server.close(() => resolve())
        }),
    ),
  )
})

/** The same adapter server.ts uses, on a random loopback port. */
async function startServer(configure: (server: Server) => void): Promise<number> {
  const app = new Hono().get('/ping', (c) => c.text('pong'))
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () =>
      resolve(s as Server),
    )
  })
  configure(server)
  servers.push(server)
  return (server.address() as AddressInfo).port
}

/**
 * A keep-alive client on one raw socket, so the test sees exactly when the connection is
 * reused and when the server ends it (no pool that silently opens a new one).
 */
class KeepAliveClient {
  private buffer = ''
  private waiting: ((text: string) => void) | undefined
  closed = false
  readonly closedByServer: Promise<void>

  constructor(private readonly socket: Socket) {
    sockets.push(socket)
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      this.buffer += chunk
      this.flush()
    })
    this.closedByServer = new Promise((resolve) => {
      socket.on('end', () => {
        this.closed = true
        resolve()
      })
    })
    socket.on('error', () => undefined)
  }

  static async open(port: number): Promise<KeepAliveClient> {
    const socket = connect(port, '127.0.0.1')
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve)
      socket.once('error', reject)
    })
    return new KeepAliveClient(socket)
  }

  private flush(): void {
    const end = this.buffer.indexOf('\r\n\r\n')
    if (end === -1 || this.waiting === undefined) return
    const head = this.buffer.slice(0, end)
    const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? '0')
    if (this.buffer.length < end + 4 + length) return
    const response = this.buffer.slice(0, end + 4 + length)
    this.buffer = this.buffer.slice(end + 4 + length)
    const resolve = this.waiting
    this.waiting = undefined
    resolve(response)
  }

  /** Sends `GET /ping` on the open connection; rejects if the server closed it first. */
  get(): Promise<string> {
    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(new Error('other side closed'))
        return
      }
      this.waiting = resolve
      void this.closedByServer.then(() => reject(new Error('other side closed')))
      this.socket.write('GET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n')
    })
  }
}

/** The `Keep-Alive: timeout=<s>` values of a raw response head, in seconds. */
function keepAliveHints(response: string): number[] {
  return [...response.matchAll(/^keep-alive: timeout=(\d+)/gim)].map((m) => Number(m[1]))
}

const idle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('HTTP server timeouts (keep-alive)', () => {
  it('the cause: a server whose keep-alive timeout is shorter than the client idle time ends the connection under it', async () => {
    // Node's default is 5 s against clients and proxies that keep idle connections for 60 s;
    // scaled down here: the server gives up after 50 ms, the client idles for longer.
    const port = await startServer((server) => {
      server.keepAliveTimeout = 50
    })
    const client = await KeepAliveClient.open(port)
    expect(await client.get()).toMatch(/^HTTP\/1\.1 200/)
    await client.closedByServer
    await expect(client.get()).rejects.toThrow('other side closed')
  })

  it('reuses one connection across the client idle boundary, again and again', async () => {
    const clientIdleMs = 200
    const port = await startServer((server) => {
      applyHttpServerTimeouts(server, httpServerTimeouts(clientIdleMs))
    })
    const client = await KeepAliveClient.open(port)
    for (let round = 0; round < 4; round += 1) {
      const response = await client.get()
      expect(response).toMatch(/^HTTP\/1\.1 200/)
      expect(response).toMatch(/\r\n\r\npong$/)
      // The client keeps its idle connection for its whole idle time, then reuses it.
      await idle(clientIdleMs)
      expect(client.closed).toBe(false)
    }
    expect(await client.get()).toMatch(/^HTTP\/1\.1 200/)
  })

  it('the cause, for clients that honour the hint: Node advertises its whole keep-alive time, leaving no margin', async () => {
    let server: Server | undefined
    const port = await startServer((s) => {
      server = s
    })
    const response = await (await KeepAliveClient.open(port)).get()
    expect(keepAliveHints(response)).toEqual([(server?.keepAliveTimeout ?? 0) / 1000])
  })

  it('advertises a keep-alive time at least 5 s shorter than it keeps, once, so hint-aware clients retire the connection first', async () => {
    let server: Server | undefined
    const port = await startServer((s) => {
      server = s
      applyHttpServerTimeouts(s)
    })
    const client = await KeepAliveClient.open(port)
    for (let round = 0; round < 2; round += 1) {
      const hints = keepAliveHints(await client.get())
      expect(hints).toHaveLength(1)
      const hintMs = (hints[0] ?? 0) * 1000
      expect(hintMs).toBeGreaterThanOrEqual(CLIENT_IDLE_TIMEOUT_MS)
      expect((server?.keepAliveTimeout ?? 0) - hintMs).toBeGreaterThanOrEqual(5_000)
    }
  })

  it('by default outlasts a 60 s client idle time, with the headers timeout above the keep-alive one', () => {
    const timeouts = httpServerTimeouts()
    expect(CLIENT_IDLE_TIMEOUT_MS).toBeGreaterThanOrEqual(60_000)
    expect(timeouts.keepAliveTimeout).toBeGreaterThan(CLIENT_IDLE_TIMEOUT_MS)
    expect(timeouts.headersTimeout).toBeGreaterThan(timeouts.keepAliveTimeout)
    expect(timeouts.requestTimeout).toBeGreaterThanOrEqual(timeouts.headersTimeout)
    expect(timeouts.keepAliveHintSeconds * 1000).toBeLessThanOrEqual(
      timeouts.keepAliveTimeout - 5_000,
    )
  })

  it('refuses a client idle time that is not a positive integer', () => {
    expect(() => httpServerTimeouts(0)).toThrow(TypeError)
    expect(() => httpServerTimeouts(1.5)).toThrow(TypeError)
  })
})
