import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'

import { captureLogs } from '../../test/support/test-app'
import type { AppEnv } from '../context'
import { createLogger } from '../logger'
import { requestContext } from './request-context'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

function appWithContext(trustProxy: boolean) {
  const logs = captureLogs()
  const app = new Hono<AppEnv>()
  app.use(
    requestContext({
      logger: createLogger({ destination: logs }),
      trustProxy,
      peerAddress: () => '10.0.0.9',
    }),
  )
  app.get('/api/thing', (c) => {
    c.var.log.info({ step: 'handler' }, 'inside')
    return c.json({ requestId: c.var.requestId, clientIp: c.var.clientIp })
  })
  return { app, logs }
}

describe('requestContext', () => {
  it('gives each request a fresh UUID, echoed in X-Request-Id and stamped on every log line', async () => {
    const { app, logs } = appWithContext(false)
    const first = await app.request('/api/thing', {
      headers: { 'x-request-id': 'chosen-by-client' },
    })
    const second = await app.request('/api/thing')
    const { requestId } = (await first.json()) as { requestId: string }
    expect(requestId).toMatch(UUID)
    expect(first.headers.get('x-request-id')).toBe(requestId)
    expect(second.headers.get('x-request-id')).not.toBe(requestId)
    const lines = logs.lines.filter((line) => line.requestId === requestId)
    expect(lines.map((line) => line.msg)).toEqual(['inside', 'request'])
  })

  it('writes one access line with method, path (never the query) and status', async () => {
    const { app, logs } = appWithContext(false)
    await app.request('/api/thing?code=secret-code&state=s1')
    const access = logs.lines.filter((line) => line.msg === 'request')
    expect(access).toHaveLength(1)
    expect(access[0]).toMatchObject({ method: 'GET', path: '/api/thing', status: 200 })
    expect(logs.raw.join('')).not.toContain('secret-code')
  })

  it('uses the socket peer as the client IP, and ignores X-Forwarded-For unless the proxy is trusted', async () => {
    const forwarded = { headers: { 'x-forwarded-for': '198.51.100.1, 203.0.113.5' } }
    const direct = appWithContext(false)
    expect(await (await direct.app.request('/api/thing', forwarded)).json()).toMatchObject({
      clientIp: '10.0.0.9',
    })
    const proxied = appWithContext(true)
    // The last hop is the one the trusted proxy appended; earlier ones are the client's claim.
    expect(await (await proxied.app.request('/api/thing', forwarded)).json()).toMatchObject({
      clientIp: '203.0.113.5',
    })
  })

  it('keeps the peer address when a trusted X-Forwarded-For hop is not an IP', async () => {
    const { app } = appWithContext(true)
    const res = await app.request('/api/thing', {
      headers: { 'x-forwarded-for': '198.51.100.1, <script>' },
    })
    expect(await res.json()).toMatchObject({ clientIp: '10.0.0.9' })
  })
})
