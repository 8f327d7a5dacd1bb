import { describe, expect, it } from 'vitest'

import { bareApp, securityReasons } from '../../test/support/bare-app'
import { requireCsrfHeader } from './csrf'

function appWithCsrf() {
  const bare = bareApp()
  bare.app.use('/api/*', requireCsrfHeader())
  bare.app.get('/api/session', (c) => c.json({ reached: true }))
  bare.app.post('/api/connect', (c) => c.json({ reached: true }))
  bare.app.get('/api/callback', (c) => c.json({ reached: true }))
  return bare
}

describe('requireCsrfHeader', () => {
  it('lets a request with X-CSRF: 1 through, GET and POST alike', async () => {
    const { app } = appWithCsrf()
    for (const method of ['GET', 'POST']) {
      const path = method === 'GET' ? '/api/session' : '/api/connect'
      const res = await app.request(path, { method, headers: { 'x-csrf': '1' } })
      expect(res.status).toBe(200)
    }
  })

  it('refuses a GET without the header with 403 csrf_header_missing and logs a security event', async () => {
    const { app, logs } = appWithCsrf()
    const res = await app.request('/api/session')
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual({ code: 'csrf_header_missing' })
    expect(securityReasons(logs)).toEqual(['csrf_header_missing'])
  })

  it('refuses any value other than 1 (the Fetch API trims surrounding whitespace)', async () => {
    const { app } = appWithCsrf()
    for (const value of ['0', 'true', 'yes', '11']) {
      const res = await app.request('/api/connect', {
        method: 'POST',
        headers: { 'x-csrf': value },
      })
      expect(res.status, value).toBe(403)
    }
  })

  it('exempts only the callback, which a browser reaches by top-level navigation', async () => {
    const { app } = appWithCsrf()
    expect((await app.request('/api/callback')).status).toBe(200)
    expect((await app.request('/api/callback/')).status).toBe(403)
  })
})
