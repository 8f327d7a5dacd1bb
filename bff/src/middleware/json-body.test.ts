import { describe, expect, it } from 'vitest'

import { bareApp } from '../../test/support/bare-app'
import { limitBody, requireJsonContentType } from './json-body'

function appWithJsonChecks(maxSize?: number) {
  const { app } = bareApp()
  app.use('/api/*', requireJsonContentType(), limitBody(maxSize))
  app.on(['GET', 'POST', 'DELETE'], '/api/thing', async (c) => {
    const body = c.req.method === 'POST' ? await c.req.json<unknown>() : null
    return c.json({ body })
  })
  return app
}

describe('requireJsonContentType', () => {
  it('accepts application/json, with a charset parameter and in any case', async () => {
    const app = appWithJsonChecks()
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'Application/JSON',
    ]) {
      const res = await app.request('/api/thing', {
        method: 'POST',
        headers: { 'content-type': type },
        body: '{"a":1}',
      })
      expect(res.status, type).toBe(200)
      expect(await res.json()).toEqual({ body: { a: 1 } })
    }
  })

  it('refuses the bodies a cross-site form can send without a preflight with 415', async () => {
    const app = appWithJsonChecks()
    for (const type of [
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain',
    ]) {
      const res = await app.request('/api/thing', {
        method: 'POST',
        headers: { 'content-type': type },
        body: '{"a":1}',
      })
      expect(res.status, type).toBe(415)
      expect(await res.json()).toEqual({ code: 'unsupported_media_type' })
    }
  })

  it('refuses a POST without a content type even when it has no body', async () => {
    const app = appWithJsonChecks()
    expect((await app.request('/api/thing', { method: 'POST' })).status).toBe(415)
  })

  it('lets a GET or DELETE without a body through, and refuses a DELETE that carries a form body', async () => {
    const app = appWithJsonChecks()
    expect((await app.request('/api/thing')).status).toBe(200)
    expect((await app.request('/api/thing', { method: 'DELETE' })).status).toBe(200)
    const withBody = await app.request('/api/thing', {
      method: 'DELETE',
      // As a real client sends it: the Fetch API's Request does not add Content-Length itself.
      headers: { 'content-type': 'text/plain', 'content-length': '3' },
      body: 'x=1',
    })
    expect(withBody.status).toBe(415)
  })
})

describe('limitBody', () => {
  it('answers 413 payload_too_large for a body over the limit, and accepts one at the limit', async () => {
    const app = appWithJsonChecks(32)
    const json = { 'content-type': 'application/json' }
    const atLimit = JSON.stringify({ v: 'x'.repeat(24) })
    expect(atLimit).toHaveLength(32)
    expect(
      (await app.request('/api/thing', { method: 'POST', headers: json, body: atLimit })).status,
    ).toBe(200)
    const over = JSON.stringify({ v: 'x'.repeat(25) })
    const res = await app.request('/api/thing', { method: 'POST', headers: json, body: over })
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual({ code: 'payload_too_large' })
  })
})
