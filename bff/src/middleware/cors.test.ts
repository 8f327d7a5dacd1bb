import { describe, expect, it } from 'vitest'

import { bareApp } from '../../test/support/bare-app'
import { corsAllowlist } from './cors'

const LISTED = 'https://partner.example.test'

function appWithCors() {
  const { app } = bareApp()
  app.use(
    corsAllowlist({
      origins: [LISTED],
      allowHeaders: ['Content-Type', 'X-CSRF'],
      allowMethods: ['GET', 'POST', 'DELETE'],
      maxAgeSeconds: 600,
    }),
  )
  app.on(['GET', 'OPTIONS'], '/api/thing', (c) => c.json({ reached: c.req.method }))
  return app
}

const preflight = (origin: string) => ({
  method: 'OPTIONS',
  headers: { origin, 'access-control-request-method': 'POST' },
})

describe('corsAllowlist', () => {
  it('answers a listed origin with its exact origin, credentials and Vary: Origin', async () => {
    const res = await appWithCors().request('/api/thing', { headers: { origin: LISTED } })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe(LISTED)
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    expect(res.headers.get('vary')).toBe('Origin')
  })

  it("answers a listed origin's preflight 204 with the allowed methods, headers and max age, without running the route", async () => {
    const res = await appWithCors().request('/api/thing', preflight(LISTED))
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe(LISTED)
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,POST,DELETE')
    expect(res.headers.get('access-control-allow-headers')).toBe('Content-Type,X-CSRF')
    expect(res.headers.get('access-control-max-age')).toBe('600')
    expect(await res.text()).toBe('')
  })

  it('gives any other origin, null included, no CORS header at all and lets its preflight go on', async () => {
    for (const origin of ['https://evil.example.test', 'null', `${LISTED}.evil.test`]) {
      const res = await appWithCors().request('/api/thing', preflight(origin))
      expect(res.status, origin).toBe(200)
      expect(await res.json()).toEqual({ reached: 'OPTIONS' })
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
      expect(res.headers.get('access-control-allow-credentials')).toBeNull()
      expect(res.headers.get('vary')).toBe('Origin')
    }
  })

  it('still varies by Origin when the request has none, so a cache never serves it to a listed origin', async () => {
    const res = await appWithCors().request('/api/thing')
    expect(res.headers.get('vary')).toBe('Origin')
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })
})
