import { apiRoutes, errorBodySchema } from '@mhkit/shared'
import { describe, expect, it } from 'vitest'

import {
  APP_ORIGIN,
  OFFLINE_ISSUER,
  buildTestApp,
  jsonHeaders,
  spaHeaders,
} from '../test/support/test-app'

const ISS = encodeURIComponent(OFFLINE_ISSUER)

const SAMPLE_PARAMS: Record<string, string> = {
  ':flowId': 'AAAAAAAAAAAAAAAAAAAAAA',
  ':id': 'acc-1',
}

function concrete(path: string): string {
  return path.replace(/:[A-Za-z]+/g, (p) => SAMPLE_PARAMS[p] ?? 'x')
}

async function errorCode(res: Response): Promise<string> {
  const body = errorBodySchema.parse(await res.json())
  return body.error.code
}

describe('CSRF header (docs/security.md C1, C7)', () => {
  it('every registered /api route except the callback and bank logos refuses a request without X-CSRF: 1', async () => {
    const { app, upstream } = await buildTestApp()
    const registered = app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
      .map((r) => ({ method: r.method, path: r.path }))
    // The shared contract and the app agree on the set of /api routes.
    for (const route of apiRoutes.filter((r) => r.path.startsWith('/api/'))) {
      expect(registered).toContainEqual({ method: route.method, path: route.path })
    }
    const checked: string[] = []
    for (const route of registered) {
      // An <img> loads bank logos (public bytes): it cannot send the header.
      if (route.path === '/api/callback' || route.path === '/api/banks/:bankId/icon') continue
      const res = await app.request(concrete(route.path), {
        method: route.method,
        headers: { Origin: APP_ORIGIN, 'Content-Type': 'application/json' },
        ...(route.method === 'GET' ? {} : { body: '{}' }),
      })
      expect(res.status, `${route.method} ${route.path}`).toBe(403)
      expect(await errorCode(res)).toBe('csrf_header_missing')
      checked.push(`${route.method} ${route.path}`)
    }
    expect(checked.length).toBeGreaterThanOrEqual(12)
    expect(upstream.calls).toEqual([])
  })

  it('refuses a wrong X-CSRF value', async () => {
    const { app } = await buildTestApp()
    const res = await app.request('/api/session', { headers: { 'X-CSRF': 'true' } })
    expect(res.status).toBe(403)
    expect(await errorCode(res)).toBe('csrf_header_missing')
  })

  it('logs the rejection as a security event with a reason code and the request id', async () => {
    const { app, logs } = await buildTestApp()
    const res = await app.request('/api/session')
    const line = logs.lines.find((l) => l.reason === 'csrf_header_missing')
    expect(line).toMatchObject({ event: 'security', requestId: res.headers.get('x-request-id') })
  })

  it('does not require the header on the callback, JWKS and health routes', async () => {
    const { app } = await buildTestApp()
    expect((await app.request('/healthz')).status).toBe(200)
    expect((await app.request('/.well-known/jwks.json')).status).toBe(200)
    const cb = await app.request(`/api/callback?state=AAAAAAAAAAAAAAAAAAAAAAAA&code=x&iss=${ISS}`)
    expect(await errorCode(cb)).toBe('state_mismatch')
  })
})

describe('Origin and Fetch Metadata (docs/security.md C3)', () => {
  it('refuses a POST from another origin', async () => {
    const { app, upstream } = await buildTestApp()
    const res = await app.request('/api/connect', {
      method: 'POST',
      headers: jsonHeaders({ Origin: 'https://evil.example' }),
      body: JSON.stringify({ kind: 'ais' }),
    })
    expect(res.status).toBe(403)
    expect(await errorCode(res)).toBe('origin_mismatch')
    expect(upstream.calls).toEqual([])
  })

  it('refuses a POST with no Origin', async () => {
    const { app } = await buildTestApp()
    const res = await app.request('/api/logout', {
      method: 'POST',
      headers: { 'X-CSRF': '1', 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(res.status).toBe(403)
    expect(await errorCode(res)).toBe('origin_mismatch')
  })

  it('lets the identity service send the browser back to the callback cross-site', async () => {
    const { app, upstream } = await buildTestApp()
    const res = await app.request(
      `/api/callback?state=AAAAAAAAAAAAAAAAAAAAAAAA&code=x&iss=${ISS}`,
      { headers: { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' } },
    )
    // Reaches the flow check (no such login transaction), not the Origin check; a navigation
    // lands in the app with the code.
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/?flowError=state_mismatch')
    expect(upstream.calls).toEqual([])
  })

  it('refuses a GET marked Sec-Fetch-Site: cross-site', async () => {
    const { app } = await buildTestApp()
    const res = await app.request('/api/session', {
      headers: spaHeaders({ 'Sec-Fetch-Site': 'cross-site' }),
    })
    expect(res.status).toBe(403)
    expect(await errorCode(res)).toBe('origin_mismatch')
  })

  it('accepts a same-origin GET without an Origin header', async () => {
    const { app } = await buildTestApp()
    const res = await app.request('/api/session', { headers: { 'X-CSRF': '1' } })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ authenticated: false })
  })
})

describe('content type and body size (docs/security.md C2, I3)', () => {
  for (const type of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
  ]) {
    it(`answers 415 to a ${type.split(';')[0]} body`, async () => {
      const { app, upstream } = await buildTestApp()
      const res = await app.request('/api/connect', {
        method: 'POST',
        headers: spaHeaders({ 'Content-Type': type }),
        body: '{"kind":"ais"}',
      })
      expect(res.status).toBe(415)
      expect(await errorCode(res)).toBe('unsupported_media_type')
      expect(upstream.calls).toEqual([])
    })
  }

  it('answers 415 to a POST with no content type', async () => {
    const { app } = await buildTestApp()
    const res = await app.request('/api/logout', {
      method: 'POST',
      headers: spaHeaders(),
      body: '{}',
    })
    expect(res.status).toBe(415)
  })

  it('answers 413 to a body over the limit', async () => {
    const { app, upstream } = await buildTestApp()
    const res = await app.request('/api/connect', {
      method: 'POST',
      headers: jsonHeaders(),
      body: JSON.stringify({ kind: 'ais', pad: 'x'.repeat(20_000) }),
    })
    expect(res.status).toBe(413)
    expect(await errorCode(res)).toBe('payload_too_large')
    expect(upstream.calls).toEqual([])
  })

  it('answers 400 invalid_request to malformed JSON', async () => {
    const { app } = await buildTestApp()
    const res = await app.request('/api/connect', {
      method: 'POST',
      headers: jsonHeaders(),
      body: '{"kind":',
    })
    expect(res.status).toBe(400)
    expect(await errorCode(res)).toBe('invalid_request')
  })

  it('answers 400 to unknown fields (strict schemas, no mass assignment)', async () => {
    const { app, upstream } = await buildTestApp()
    const res = await app.request('/api/connect', {
      method: 'POST',
      headers: jsonHeaders(),
      body: JSON.stringify({ kind: 'ais', sub: 'someone-else' }),
    })
    expect(res.status).toBe(400)
    expect(await errorCode(res)).toBe('invalid_request')
    expect(upstream.calls).toEqual([])
  })
})

describe('security headers (docs/security.md C5)', () => {
  it('sends CSP, nosniff, Referrer-Policy, no-store and a request id on API and error responses', async () => {
    const { app } = await buildTestApp()
    for (const res of [
      await app.request('/api/session', { headers: spaHeaders() }),
      await app.request('/api/session'),
      await app.request('/nowhere'),
    ]) {
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    }
  })

  it('sends HSTS when the app origin is https and not when it is http', async () => {
    const https = await buildTestApp()
    expect((await https.app.request('/healthz')).headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    )
    const http = await buildTestApp({ config: { appOrigin: 'http://localhost:5173' } })
    expect((await http.app.request('/healthz')).headers.get('strict-transport-security')).toBeNull()
  })

  it('sends no CORS headers by default', async () => {
    const { app } = await buildTestApp()
    const res = await app.request('/api/session', {
      headers: spaHeaders({ Origin: 'https://evil.example' }),
    })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    const preflight = await app.request('/api/session', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('with an allowlist, allows exactly the listed origin with credentials and never reflects others', async () => {
    const { app } = await buildTestApp({ config: { corsOrigins: ['https://partner.example'] } })
    const ok = await app.request('/api/session', {
      headers: spaHeaders({ Origin: 'https://partner.example' }),
    })
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://partner.example')
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true')
    const other = await app.request('/api/session', {
      headers: spaHeaders({ Origin: 'https://evil.example' }),
    })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    const nullOrigin = await app.request('/api/session', {
      headers: spaHeaders({ Origin: 'null' }),
    })
    expect(nullOrigin.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('answers a preflight from a listed origin with credentials, and from any other origin or null with no CORS header', async () => {
    const { app } = await buildTestApp({ config: { corsOrigins: ['https://partner.example'] } })
    const preflight = (origin: string) =>
      app.request('/api/connect', {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type,x-csrf',
        },
      })
    const ok = await preflight('https://partner.example')
    expect(ok.status).toBe(204)
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://partner.example')
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true')
    expect(ok.headers.get('access-control-allow-methods')).toBe('GET,POST,DELETE')
    expect(ok.headers.get('vary')).toContain('Origin')
    for (const origin of ['https://evil.example', 'null', 'https://partner.example.evil.example']) {
      const res = await preflight(origin)
      expect(res.status, origin).not.toBe(204)
      for (const [name] of res.headers) expect(name, origin).not.toMatch(/^access-control-/)
    }
    const bare = await app.request('/api/connect', {
      method: 'OPTIONS',
      headers: { 'Access-Control-Request-Method': 'POST' },
    })
    for (const [name] of bare.headers) expect(name).not.toMatch(/^access-control-/)
  })

  it('sends no CORS header, credentials included, on an actual request from an unlisted origin or null', async () => {
    const { app } = await buildTestApp({ config: { corsOrigins: ['https://partner.example'] } })
    for (const origin of ['https://evil.example', 'null']) {
      const res = await app.request('/api/session', { headers: spaHeaders({ Origin: origin }) })
      for (const [name] of res.headers) expect(name, origin).not.toMatch(/^access-control-/)
    }
    const listed = await app.request('/api/session', {
      headers: spaHeaders({ Origin: 'https://partner.example' }),
    })
    expect(listed.headers.get('vary')).toContain('Origin')
  })
})

describe('rate limits (docs/security.md I8)', () => {
  it('limits connect starts per IP with 429 and Retry-After, then recovers when the window passes', async () => {
    const { app, clock } = await buildTestApp({
      config: { rateLimits: { connectPerIp: { max: 2, windowMs: 60_000 } } },
    })
    const start = () =>
      app.request('/api/connect', {
        method: 'POST',
        headers: jsonHeaders(),
        body: JSON.stringify({ kind: 'bogus' }),
      })
    expect((await start()).status).toBe(400)
    expect((await start()).status).toBe(400)
    const limited = await start()
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('60')
    const body = errorBodySchema.parse(await limited.json())
    expect(body.error).toMatchObject({ code: 'rate_limited', retryAfter: 60 })
    clock.advance(60_000)
    expect((await start()).status).toBe(400)
  })

  it('limits callbacks per IP', async () => {
    const { app, logs } = await buildTestApp({
      config: { rateLimits: { callbackPerIp: { max: 1, windowMs: 60_000 } } },
    })
    await app.request('/api/callback?state=AAAAAAAAAAAAAAAAAAAAAAAA')
    const res = await app.request('/api/callback?state=AAAAAAAAAAAAAAAAAAAAAAAA')
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).not.toBeNull()
    expect(logs.lines.some((l) => l.reason === 'rate_limited' && l.limit === 'callback')).toBe(true)
  })

  it('limits connect starts per session', async () => {
    const { app } = await buildTestApp({
      config: { rateLimits: { connectPerSession: { max: 1, windowMs: 60_000 } } },
    })
    const cookie = `__Host-mhkit-session=${'a'.repeat(43)}`
    const start = () =>
      app.request('/api/connect', {
        method: 'POST',
        headers: jsonHeaders({ Cookie: cookie }),
        body: JSON.stringify({ kind: 'bogus' }),
      })
    expect((await start()).status).toBe(400)
    expect((await start()).status).toBe(429)
  })
})

describe('errors', () => {
  it('answers unknown routes with a 404 not_found error body carrying the request id', async () => {
    const { app } = await buildTestApp()
    const res = await app.request('/api/nothing-here', { headers: spaHeaders() })
    expect(res.status).toBe(404)
    const body = errorBodySchema.parse(await res.json())
    expect(body.error.code).toBe('not_found')
    expect(body.error.correlationId).toBe(res.headers.get('x-request-id'))
  })

  it('answers a payment start with a bad body 400 invalid_request, with no upstream call', async () => {
    const { app, upstream } = await buildTestApp()
    const res = await app.request('/api/payments', {
      method: 'POST',
      headers: jsonHeaders(),
      body: '{}',
    })
    expect(res.status).toBe(400)
    expect(await errorCode(res)).toBe('invalid_request')
    expect(upstream.calls).toEqual([])
  })
})
