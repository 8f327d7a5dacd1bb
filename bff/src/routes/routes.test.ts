import {
  accountIdSchema,
  connectionIdSchema,
  errorBodySchema,
  flowIdSchema,
  flowResponseSchema,
} from '@mhkit/shared'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'

import { OFFLINE_ISSUER, buildTestApp, jsonHeaders, spaHeaders } from '../../test/support/test-app'
import { createFlowRecords } from '../flows/flow-records'
import { TX_COOKIE } from '../session/cookies'
import { hashId } from '../session/ids'
import { buildOpenApiDocument } from './openapi'

async function code(res: Response): Promise<string> {
  return errorBodySchema.parse(await res.json()).error.code
}

const FLOW_ID = 'AAAAAAAAAAAAAAAAAAAAAA'
const STATE = 'state-abcdefghijklmnopqrstuvwxyz'
const ISS = encodeURIComponent(OFFLINE_ISSUER)
/** A browser's login-transaction cookie (its binding handle) and the header carrying it. */
const BROWSER = 'b'.repeat(43)
const browserCookie = { Cookie: `${TX_COOKIE}=${BROWSER}` }

describe('GET /api/session', () => {
  it('answers authenticated: false with no session', async () => {
    const { app, upstream } = await buildTestApp()
    const res = await app.request('/api/session', { headers: spaHeaders() })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ authenticated: false })
    expect(upstream.calls).toEqual([])
  })

  it('ignores a session id that is not a well-formed 256-bit id', async () => {
    const { app } = await buildTestApp()
    const res = await app.request('/api/session', {
      headers: spaHeaders({ Cookie: '__Host-mhkit-session=../../etc/passwd' }),
    })
    expect(await res.json()).toEqual({ authenticated: false })
  })
})

describe('data routes without a session', () => {
  for (const path of [
    '/api/accounts',
    '/api/accounts/acc-1',
    '/api/transactions',
    '/api/connections',
  ]) {
    it(`GET ${path} answers 401 unauthenticated and calls nothing upstream`, async () => {
      const { app, upstream } = await buildTestApp()
      const res = await app.request(path, { headers: spaHeaders() })
      expect(res.status).toBe(401)
      expect(await code(res)).toBe('unauthenticated')
      expect(upstream.calls).toEqual([])
    })
  }

  it('answers session_expired when the cookie names a session that has ended', async () => {
    const { app } = await buildTestApp()
    const res = await app.request('/api/accounts', {
      headers: spaHeaders({ Cookie: `__Host-mhkit-session=${'b'.repeat(43)}` }),
    })
    expect(res.status).toBe(401)
    expect(await code(res)).toBe('session_expired')
  })

  it('DELETE /api/connections/:id answers 401 without a session', async () => {
    const { app, upstream } = await buildTestApp()
    const res = await app.request(
      `/api/connections/${encodeURIComponent('1ffe704d39629a929c8e293880fb449a:0f1aa7c1-6379-483a-bfd8-ae0a208fb635')}`,
      { method: 'DELETE', headers: spaHeaders() },
    )
    expect(res.status).toBe(401)
    expect(upstream.calls).toEqual([])
  })
})

describe('ids and queries are checked before anything else (docs/security.md I4)', () => {
  for (const bad of ['..', '%2E%2E', 'a%2Fb', 'a%5Cb', 'x'.repeat(65), 'a.b']) {
    it(`refuses account id ${bad.slice(0, 12)}`, async () => {
      const { app, upstream } = await buildTestApp()
      const res = await app.request(`/api/accounts/${bad}`, { headers: spaHeaders() })
      expect([400, 404]).toContain(res.status)
      expect(['invalid_request', 'not_found']).toContain(await code(res))
      expect(upstream.calls).toEqual([])
    })
  }

  it('refuses a malformed connection id', async () => {
    const { app } = await buildTestApp()
    const res = await app.request('/api/connections/not-a-connection', {
      method: 'DELETE',
      headers: spaHeaders(),
    })
    expect(res.status).toBe(400)
    expect(await code(res)).toBe('invalid_request')
  })

  it('refuses unknown, repeated and out-of-range transaction query parameters', async () => {
    const { app } = await buildTestApp()
    for (const query of [
      'limit=0',
      'limit=1000',
      'limit=1&limit=2',
      'foo=bar',
      'startDate=2024-02-30',
      'startDate=2024-05-02&endDate=2024-05-01',
    ]) {
      const res = await app.request(`/api/transactions?${query}`, { headers: spaHeaders() })
      expect(res.status, query).toBe(400)
      expect(await code(res)).toBe('invalid_request')
    }
  })

  it('refuses a malformed flow id', async () => {
    const { app } = await buildTestApp()
    const res = await app.request('/api/flows/short', { headers: spaHeaders() })
    expect(res.status).toBe(400)
  })
})

describe('POST /api/connect validation', () => {
  const bodies: [string, unknown][] = [
    ['an unknown kind', { kind: 'steal' }],
    ['an off-site returnTo', { kind: 'ais', returnTo: '//evil.example/' }],
    ['an absolute returnTo', { kind: 'ais', returnTo: 'https://evil.example/' }],
    ['a backslash returnTo', { kind: 'ais', returnTo: '/\\evil.example' }],
    ['a malformed bank id', { kind: 'ais', bankId: '../../x' }],
    ['reauth without a connection', { kind: 'reauth' }],
    [
      'a consent over 90 days ahead',
      { kind: 'ais', consent: { expirationDateTime: '2099-01-01T00:00:00Z' } },
    ],
  ]
  for (const [name, body] of bodies) {
    it(`answers 400 invalid_request to ${name}, with no upstream call`, async () => {
      const { app, upstream } = await buildTestApp()
      const res = await app.request('/api/connect', {
        method: 'POST',
        headers: jsonHeaders(),
        body: JSON.stringify(body),
      })
      expect(res.status).toBe(400)
      expect(await code(res)).toBe('invalid_request')
      expect(upstream.calls).toEqual([])
    })
  }

  it('answers 401 to reauth without a signed-in user', async () => {
    const { app, upstream } = await buildTestApp()
    const res = await app.request('/api/connect', {
      method: 'POST',
      headers: jsonHeaders(),
      body: JSON.stringify({
        kind: 'reauth',
        connectionId: '1ffe704d39629a929c8e293880fb449a:0f1aa7c1-6379-483a-bfd8-ae0a208fb635',
      }),
    })
    expect(res.status).toBe(401)
    expect(await code(res)).toBe('unauthenticated')
    expect(upstream.calls).toEqual([])
  })

  it('maps an unreachable identity service to a typed 5xx without leaking detail', async () => {
    const { app, upstream } = await buildTestApp()
    const res = await app.request('/api/connect', {
      method: 'POST',
      headers: jsonHeaders(),
      body: '{"kind":"ais"}',
    })
    expect([502, 503, 504]).toContain(res.status)
    const body = errorBodySchema.parse(await res.json())
    expect(body.error.code).toMatch(/^upstream_/)
    expect(JSON.stringify(body)).not.toContain('127.0.0.1')
    expect(upstream.calls.length).toBeGreaterThan(0)
  })
})

describe('GET /api/callback parameter hygiene (docs/security.md I5)', () => {
  const cases: [string, string, string][] = [
    ['no state', `/api/callback?code=abc&iss=${ISS}`, 'state_mismatch'],
    ['an unknown state', `/api/callback?code=abc&state=${STATE}&iss=${ISS}`, 'state_mismatch'],
    ['no iss', `/api/callback?code=abc&state=${STATE}`, 'iss_mismatch'],
    ['another iss', `/api/callback?code=abc&state=${STATE}&iss=https%3A%2F%2Fevil`, 'iss_mismatch'],
    ['an unknown parameter', `/api/callback?code=abc&state=${STATE}&evil=1`, 'invalid_request'],
    ['a repeated parameter', `/api/callback?code=a&code=b&state=${STATE}`, 'invalid_request'],
    [
      'an oversized parameter',
      `/api/callback?code=${'x'.repeat(3000)}&state=${STATE}`,
      'invalid_request',
    ],
  ]
  for (const [name, url, expected] of cases) {
    it(`answers 400 ${expected} to ${name}, with no upstream call`, async () => {
      const { app, upstream } = await buildTestApp()
      const res = await app.request(url)
      expect(res.status).toBe(400)
      expect(await code(res)).toBe(expected)
      expect(upstream.calls).toEqual([])
    })
  }
})

describe('GET /api/flows/:flowId', () => {
  it('answers 404 flow_not_found for an unknown flow', async () => {
    const { app } = await buildTestApp()
    const res = await app.request(`/api/flows/${FLOW_ID}`, { headers: spaHeaders(browserCookie) })
    expect(res.status).toBe(404)
    expect(await code(res)).toBe('flow_not_found')
  })

  it('shows a pending flow, then flow_expired once its 10-minute transaction lapses', async () => {
    const { app, store, clock } = await buildTestApp()
    await createFlowRecords(store, clock).create(
      {
        flowId: FLOW_ID,
        kind: 'ais',
        status: 'pending',
        returnTo: '/done',
        createdAt: clock.now(),
        txExpiresAt: clock.now() + 600_000,
        browserHash: hashId(BROWSER),
      },
      STATE,
    )
    const pending = flowResponseSchema.parse(
      await (
        await app.request(`/api/flows/${FLOW_ID}`, { headers: spaHeaders(browserCookie) })
      ).json(),
    )
    expect(pending).toMatchObject({ status: 'pending', kind: 'ais' })
    clock.advance(600_000)
    const expired = flowResponseSchema.parse(
      await (
        await app.request(`/api/flows/${FLOW_ID}`, { headers: spaHeaders(browserCookie) })
      ).json(),
    )
    expect(expired).toMatchObject({ status: 'failed', error: { code: 'flow_expired' } })
  })

  it('a callback for a lapsed transaction marks the flow expired and returns to the app', async () => {
    const { app, store, clock, upstream } = await buildTestApp()
    await createFlowRecords(store, clock).create(
      {
        flowId: FLOW_ID,
        kind: 'ais',
        status: 'pending',
        returnTo: '/done?x=1',
        createdAt: clock.now(),
        txExpiresAt: clock.now() + 600_000,
        browserHash: hashId(BROWSER),
      },
      STATE,
    )
    clock.advance(600_001)
    const res = await app.request(`/api/callback?code=abc&state=${STATE}&iss=${ISS}`, {
      headers: browserCookie,
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/done?x=1&flow=${FLOW_ID}`)
    const flow = await (
      await app.request(`/api/flows/${FLOW_ID}`, { headers: spaHeaders(browserCookie) })
    ).json()
    expect(flow).toMatchObject({ status: 'failed', error: { code: 'flow_expired' } })
    expect(upstream.calls).toEqual([])
  })
})

describe('POST /api/logout', () => {
  it('clears the session cookie with the same attributes and answers ok even with no session', async () => {
    const { app } = await buildTestApp()
    const res = await app.request('/api/logout', {
      method: 'POST',
      headers: jsonHeaders(),
      body: '{}',
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toContain('__Host-mhkit-session=')
    expect(cookie).toContain('Max-Age=0')
    expect(cookie).toContain('Secure')
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('Path=/')
    expect(cookie).not.toContain('Domain')
  })
})

describe('operational routes', () => {
  it('serves the public JWKS with no private members', async () => {
    const { app } = await buildTestApp()
    const res = await app.request('/.well-known/jwks.json')
    const body = (await res.json()) as { keys: Record<string, unknown>[] }
    expect(body.keys).toHaveLength(1)
    expect(body.keys[0]).toMatchObject({ use: 'sig', alg: 'ES256' })
    for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi'])
      expect(body.keys[0]).not.toHaveProperty(member)
  })

  it('is live, and not ready when the identity service is unreachable', async () => {
    const { app } = await buildTestApp()
    expect(await (await app.request('/healthz')).json()).toEqual({ status: 'ok' })
    const ready = await app.request('/readyz')
    expect(ready.status).toBe(503)
    expect(await ready.json()).toMatchObject({
      status: 'not_ready',
      checks: { discovery: false, store: true },
    })
  })

  it('serves an OpenAPI 3.1 document of the /api routes built from the shared schemas', async () => {
    const { app } = await buildTestApp()
    const res = await app.request('/api/openapi.json', { headers: spaHeaders() })
    const doc = (await res.json()) as {
      openapi: string
      paths: Record<string, Record<string, unknown>>
    }
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/session',
        '/api/connect',
        '/api/flows/{flowId}',
        '/api/transactions',
        '/api/connections/{id}',
      ]),
    )
    expect(JSON.stringify(doc.paths['/api/connect'])).toContain('reconsent')
  })
  it('documents every registered /api route with its method and path parameters', async () => {
    const { app } = await buildTestApp()
    const doc = buildOpenApiDocument() as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>
    }
    const registered = app.routes.filter(
      (r) => r.path.startsWith('/api/') && r.method !== 'ALL' && r.path !== '/api/openapi.json',
    )
    expect(registered.length).toBeGreaterThanOrEqual(24)
    for (const route of registered) {
      const template = route.path.replace(/:(\w+)/g, '{$1}')
      const operation = doc.paths[template]?.[route.method.toLowerCase()]
      expect(operation, `${route.method} ${route.path}`).toBeDefined()
      const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1])
      const documented = (operation?.parameters ?? [])
        .filter((p) => p.in === 'path')
        .map((p) => p.name)
      expect(documented, `${route.method} ${route.path}`).toEqual(names)
    }
  })

  it('builds path parameters from the shared id schemas the routes validate with', () => {
    const doc = buildOpenApiDocument() as {
      paths: Record<
        string,
        Record<string, { parameters: { in: string; required?: boolean; schema: unknown }[] }>
      >
    }
    const cases: [string, string, z.ZodType, string, string][] = [
      ['/api/flows/{flowId}', 'get', flowIdSchema, 'A'.repeat(22), 'short'],
      ['/api/accounts/{id}', 'get', accountIdSchema, 'acc-1', '../x'],
      [
        '/api/connections/{id}',
        'delete',
        connectionIdSchema,
        '1ffe704d39629a929c8e293880fb449a:0f1aa7c1-6379-483a-bfd8-ae0a208fb635',
        'not-a-connection',
      ],
    ]
    for (const [path, method, shared, good, bad] of cases) {
      const param = doc.paths[path]?.[method]?.parameters.find((p) => p.in === 'path')
      expect(param?.required, path).toBe(true)
      const schema = param?.schema as { type?: string; pattern?: string }
      expect(schema.type, path).toBe('string')
      expect(schema.pattern, path).toBeDefined()
      const pattern = new RegExp(schema.pattern ?? '')
      // The documented pattern agrees with the shared schema on a valid and a bad id.
      expect(shared.safeParse(good).success && pattern.test(good), `${path} ${good}`).toBe(true)
      expect(shared.safeParse(bad).success || pattern.test(bad), `${path} ${bad}`).toBe(false)
    }
  })
})
