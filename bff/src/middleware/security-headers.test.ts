import { describe, expect, it } from 'vitest'

import { bareApp } from '../../test/support/bare-app'
import { securityHeaders } from './security-headers'

function appWithHeaders(hsts: boolean) {
  const { app } = bareApp()
  app.use(securityHeaders({ hsts }))
  app.get('/ok', (c) => {
    c.header('Cache-Control', 'public, max-age=600')
    return c.json({ ok: true })
  })
  app.get('/fails', () => {
    throw new Error('boom')
  })
  return app
}

describe('securityHeaders', () => {
  it('sets the deny-all CSP, nosniff, no referrer, no framing and no-store, over what a handler set', async () => {
    const res = await appWithHeaders(false).request('/ok')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    )
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('strict-transport-security')).toBeNull()
  })

  it('adds HSTS for one year with subdomains when the app is served over https', async () => {
    const res = await appWithHeaders(true).request('/ok')
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
  })

  it('sets them on a 404 as well', async () => {
    const res = await appWithHeaders(true).request('/missing')
    expect(res.status).toBe(404)
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('cache-control')).toBe('no-store')
  })
})
