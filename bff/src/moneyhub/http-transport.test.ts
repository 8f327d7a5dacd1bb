import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createHttpTransport } from './http-transport'

let server: Server
let base: string
const seen: {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
  socket: string
}[] = []
let hold: ServerResponse[] = []
// `/gate` answers once `gateSize` requests wait there: that many are in flight at once.
let gated: ServerResponse[] = []
let gateSize = 0

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        socket: `${req.socket.remotePort ?? 0}`,
      })
      if (req.url === '/json') {
        res.writeHead(201, { 'content-type': 'application/json', 'x-multi': ['a', 'b'] })
        res.end('{"ok":true}')
      } else if (req.url === '/redirect') {
        res.writeHead(302, { location: 'http://evil.example/' })
        res.end()
      } else if (req.url === '/empty') {
        res.writeHead(204)
        res.end()
      } else if (req.url === '/big') {
        res.writeHead(200)
        res.end(Buffer.alloc(2048, 1))
      } else if (req.url === '/gate') {
        gated.push(res)
        if (gated.length < gateSize) return
        for (const held of gated) held.end('{}')
        gated = []
      } else if (req.url === '/hang') {
        hold.push(res)
      } else {
        res.writeHead(404)
        res.end('nope')
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
})

afterAll(async () => {
  for (const res of hold) res.destroy()
  hold = []
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

describe('createHttpTransport', () => {
  const get = (url: string, timeoutMs = 5_000) => ({ method: 'GET', url, headers: {}, timeoutMs })

  it('answers status, case-insensitive headers and the body as text', async () => {
    const transport = createHttpTransport()
    seen.length = 0
    const reply = await transport.request({
      method: 'POST',
      url: `${base}/json`,
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: '{"name":"é"}',
      timeoutMs: 5_000,
    })
    expect(reply.status).toBe(201)
    expect(reply.header('Content-Type')).toBe('application/json')
    expect(reply.header('x-multi')).toBe('a, b')
    expect(reply.header('x-absent')).toBeNull()
    expect(JSON.parse(reply.text)).toEqual({ ok: true })
    // The body is sent as UTF-8 with its byte length.
    expect(seen[0]).toMatchObject({ body: '{"name":"é"}', headers: { 'content-length': '13' } })
    transport.close()
  })

  it('sends a form body with the headers it is given', async () => {
    const transport = createHttpTransport()
    seen.length = 0
    await transport.request({
      method: 'POST',
      url: `${base}/json`,
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: 'grant_type=client_credentials&sub=u+1',
      timeoutMs: 5_000,
    })
    expect(seen[0]).toMatchObject({
      method: 'POST',
      body: 'grant_type=client_credentials&sub=u+1',
      headers: {
        'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
        'content-length': '37',
      },
    })
    transport.close()
  })

  it('reuses one keep-alive socket for sequential requests', async () => {
    const transport = createHttpTransport()
    seen.length = 0
    for (let i = 0; i < 3; i++) await transport.request(get(`${base}/json`))
    expect(seen).toHaveLength(3)
    expect(new Set(seen.map((s) => s.socket)).size).toBe(1)
    transport.close()
  })

  it('keeps every socket of a spike open, so the next spike opens no connection', async () => {
    const transport = createHttpTransport()
    gateSize = 40
    const spike = async () => {
      seen.length = 0
      await Promise.all(
        Array.from({ length: gateSize }, () => transport.request(get(`${base}/gate`))),
      )
      return new Set(seen.map((s) => s.socket))
    }
    const first = await spike()
    expect(first.size).toBe(40)
    const second = await spike()
    expect([...second].filter((socket) => !first.has(socket))).toEqual([])
    transport.close()
  })

  it('closes a socket idle for longer than idleTimeoutMs, before the server would', async () => {
    const transport = createHttpTransport({ idleTimeoutMs: 100 })
    seen.length = 0
    await transport.request(get(`${base}/json`))
    await transport.request(get(`${base}/json`))
    await new Promise((resolve) => setTimeout(resolve, 300))
    await transport.request(get(`${base}/json`))
    const [first, second, third] = seen.map((s) => s.socket)
    expect(second).toBe(first)
    expect(third).not.toBe(first)
    transport.close()
  })

  it('keeps a request running past idleTimeoutMs: that timer is for idle sockets only', async () => {
    const transport = createHttpTransport({ idleTimeoutMs: 50 })
    gateSize = 2
    const slow = transport.request(get(`${base}/gate`))
    await new Promise((resolve) => setTimeout(resolve, 200))
    const answered = await Promise.all([slow, transport.request(get(`${base}/gate`))])
    expect(answered.map((reply) => reply.status)).toEqual([200, 200])
    transport.close()
  })

  it('never follows a redirect', async () => {
    const transport = createHttpTransport()
    seen.length = 0
    const redirect = await transport.request(get(`${base}/redirect`))
    expect(redirect.status).toBe(302)
    expect(redirect.header('location')).toBe('http://evil.example/')
    expect(seen.map((s) => s.url)).toEqual(['/redirect'])
    transport.close()
  })

  it('answers a 204 with an empty body', async () => {
    const transport = createHttpTransport()
    const reply = await transport.request({ ...get(`${base}/empty`), method: 'DELETE' })
    expect(reply).toMatchObject({ status: 204, text: '' })
    transport.close()
  })

  it('rejects with a TimeoutError when the upstream does not answer in time', async () => {
    const transport = createHttpTransport()
    await expect(transport.request(get(`${base}/hang`, 50))).rejects.toMatchObject({
      name: 'TimeoutError',
    })
    transport.close()
  })

  it('sheds requests beyond the sockets plus the queue limit at once (R12)', async () => {
    const transport = createHttpTransport({ maxSockets: 1, maxQueued: 1 })
    const hung = () => transport.request(get(`${base}/hang`, 200))
    const first = hung()
    const queued = hung()
    await expect(hung()).rejects.toThrow('too many requests waiting')
    // Both admitted requests end (here by their timeout), freeing their places.
    await expect(first).rejects.toMatchObject({ name: 'TimeoutError' })
    await expect(queued).rejects.toMatchObject({ name: 'TimeoutError' })
    const after = await transport.request(get(`${base}/json`, 2_000))
    expect(after.status).toBe(201)
    transport.close()
  })

  it('rejects an oversized body, a refused connection and other schemes with TypeError', async () => {
    const transport = createHttpTransport({ maxBodyBytes: 1024 })
    const fetchGet = (url: string) => transport.request(get(url, 2_000))
    await expect(fetchGet(`${base}/big`)).rejects.toThrow('response body too large')
    await expect(fetchGet('http://127.0.0.1:9/')).rejects.toThrow(TypeError)
    await expect(fetchGet('ftp://127.0.0.1/')).rejects.toThrow(TypeError)
    await expect(fetchGet('not a url')).rejects.toThrow(TypeError)
    transport.close()
  })
})
