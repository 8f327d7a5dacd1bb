import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createPooledFetch } from './pooled-fetch'

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

describe('createPooledFetch', () => {
  it('answers a real Response with status, headers and body', async () => {
    const fetch = createPooledFetch()
    const res = await fetch(`${base}/json`, {
      method: 'GET',
      headers: { accept: 'application/json' },
    })
    expect(res).toBeInstanceOf(Response)
    expect(res.status).toBe(201)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(res.headers.get('x-multi')).toBe('a, b')
    expect(await res.json()).toEqual({ ok: true })
    fetch.close()
  })

  it('sends form bodies with the form content type, as fetch does', async () => {
    const fetch = createPooledFetch()
    seen.length = 0
    await fetch(`${base}/json`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', sub: 'u 1' }),
    })
    expect(seen[0]).toMatchObject({
      method: 'POST',
      body: 'grant_type=client_credentials&sub=u+1',
      headers: {
        'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
        'content-length': '37',
      },
    })
    fetch.close()
  })

  it('reuses one keep-alive socket for sequential requests', async () => {
    const fetch = createPooledFetch()
    seen.length = 0
    for (let i = 0; i < 3; i++) await (await fetch(`${base}/json`, {})).text()
    expect(new Set(seen.map((s) => s.socket)).size).toBe(1)
    fetch.close()
  })

  it('never follows a redirect', async () => {
    const fetch = createPooledFetch()
    const res = await fetch(`${base}/redirect`, { redirect: 'follow' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('http://evil.example/')
    fetch.close()
  })

  it('gives 204 answers a null body', async () => {
    const fetch = createPooledFetch()
    const res = await fetch(`${base}/empty`, { method: 'DELETE' })
    expect(res.status).toBe(204)
    expect(res.body).toBeNull()
    fetch.close()
  })

  it('rejects with the signal’s reason when aborted (the client’s timeouts)', async () => {
    const fetch = createPooledFetch()
    const controller = new AbortController()
    const pending = fetch(`${base}/hang`, { signal: controller.signal })
    const reason = new DOMException('timed out', 'TimeoutError')
    controller.abort(reason)
    await expect(pending).rejects.toBe(reason)
    const already = fetch(`${base}/json`, { signal: AbortSignal.abort(reason) })
    await expect(already).rejects.toBe(reason)
    fetch.close()
  })

  it('rejects an oversized body and a refused connection with TypeError', async () => {
    const fetch = createPooledFetch({ maxBodyBytes: 1024 })
    await expect(fetch(`${base}/big`, {})).rejects.toThrow('response body too large')
    await expect(fetch('http://127.0.0.1:9/', {})).rejects.toThrow(TypeError)
    await expect(fetch('ftp://127.0.0.1/', {})).rejects.toThrow(TypeError)
    fetch.close()
  })
})

describe('createPooledFetch().request (the REST path)', () => {
  it('answers status, case-insensitive headers and the body as text', async () => {
    const pooled = createPooledFetch()
    seen.length = 0
    const reply = await pooled.request({
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
    pooled.close()
  })

  it('shares the keep-alive sockets of the fetch and never follows a redirect', async () => {
    const pooled = createPooledFetch()
    seen.length = 0
    await (await pooled(`${base}/json`, {})).text()
    await pooled.request({ method: 'GET', url: `${base}/json`, headers: {}, timeoutMs: 5_000 })
    expect(new Set(seen.map((s) => s.socket)).size).toBe(1)
    const redirect = await pooled.request({
      method: 'GET',
      url: `${base}/redirect`,
      headers: {},
      timeoutMs: 5_000,
    })
    expect(redirect.status).toBe(302)
    pooled.close()
  })

  it('rejects with a TimeoutError when the upstream does not answer in time', async () => {
    const pooled = createPooledFetch()
    const pending = pooled.request({
      method: 'GET',
      url: `${base}/hang`,
      headers: {},
      timeoutMs: 50,
    })
    await expect(pending).rejects.toMatchObject({ name: 'TimeoutError' })
    pooled.close()
  })

  it('sheds requests beyond the sockets plus the queue limit at once (R12)', async () => {
    const pooled = createPooledFetch({ maxSockets: 1, maxQueued: 1 })
    const hung = () =>
      pooled.request({ method: 'GET', url: `${base}/hang`, headers: {}, timeoutMs: 200 })
    const first = hung()
    const queued = hung()
    await expect(hung()).rejects.toThrow('too many requests waiting')
    // Both admitted requests end (here by their timeout), freeing their places.
    await expect(first).rejects.toMatchObject({ name: 'TimeoutError' })
    await expect(queued).rejects.toMatchObject({ name: 'TimeoutError' })
    const after = await pooled.request({
      method: 'GET',
      url: `${base}/json`,
      headers: {},
      timeoutMs: 2_000,
    })
    expect(after.status).toBe(201)
    pooled.close()
  })

  it('rejects an oversized body, a refused connection and other schemes', async () => {
    const pooled = createPooledFetch({ maxBodyBytes: 1024 })
    const get = (url: string) =>
      pooled.request({ method: 'GET', url, headers: {}, timeoutMs: 2_000 })
    await expect(get(`${base}/big`)).rejects.toThrow('response body too large')
    await expect(get('http://127.0.0.1:9/')).rejects.toThrow(TypeError)
    await expect(get('ftp://127.0.0.1/')).rejects.toThrow(TypeError)
    pooled.close()
  })
})
