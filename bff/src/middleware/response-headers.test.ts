import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'

import { setResponseHeaders } from './response-headers'

function appWith(route: (app: Hono) => void): Hono {
  const app = new Hono()
  app.use(async (c, next) => {
    await next()
    setResponseHeaders(c, [
      ['X-Frame-Options', 'DENY'],
      ['Cache-Control', 'no-store'],
    ])
  })
  route(app)
  return app
}

describe('setResponseHeaders', () => {
  it('adds the headers to a handler response and keeps its status and body', async () => {
    const app = appWith((a) => a.get('/', (c) => c.json({ ok: true }, 201)))
    const res = await app.request('/')
    expect(res.status).toBe(201)
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await res.json()).toEqual({ ok: true })
  })

  it('replaces a value the handler set, so the middleware has the last word', async () => {
    const app = appWith((a) =>
      a.get('/', (c) => {
        c.header('Cache-Control', 'public, max-age=60')
        return c.text('x')
      }),
    )
    const res = await app.request('/')
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('still sets the headers when the response has immutable headers (Response.redirect)', async () => {
    const app = appWith((a) =>
      a.get('/', () => Response.redirect('https://example.test/next', 302)),
    )
    const res = await app.request('/')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('https://example.test/next')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('cache-control')).toBe('no-store')
  })
})
