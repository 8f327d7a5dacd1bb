import { createServer, type Server } from 'node:http'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { requesterFromFetch } from './http'

let server: Server
let base = ''

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/slow') return // never answers
    res.writeHead(200, { 'content-type': 'application/json', 'x-id': 'abc' })
    res.end(JSON.stringify({ method: req.method, accept: req.headers.accept }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

describe('requesterFromFetch', () => {
  it('reads the whole answer through fetch', async () => {
    const request = requesterFromFetch((input, init) => fetch(input, init))
    const reply = await request({
      method: 'GET',
      url: `${base}/x`,
      headers: { accept: 'application/json' },
      timeoutMs: 2_000,
    })
    expect(reply.status).toBe(200)
    expect(reply.header('X-Id')).toBe('abc')
    expect(JSON.parse(reply.text)).toEqual({ method: 'GET', accept: 'application/json' })
  })

  it('rejects with a TimeoutError when the answer is late', async () => {
    const request = requesterFromFetch((input, init) => fetch(input, init))
    await expect(
      request({ method: 'GET', url: `${base}/slow`, headers: {}, timeoutMs: 50 }),
    ).rejects.toMatchObject({ name: 'TimeoutError' })
  })
})
