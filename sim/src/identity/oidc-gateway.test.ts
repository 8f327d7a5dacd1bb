import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { FaultRegistry } from '../faults'
import { LegacyRequestUris } from './legacy-request-uris'
import { SimOidcStore } from './memory-adapter'
import { oidcGateway, type NodeHandler } from './oidc-gateway'

/** What reached the provider or the REST routes behind the gateway. */
interface Forwarded {
  to: 'provider' | 'rest'
  method: string
  url: string
  originalUrl?: string
  body?: string
}

const UNSIGNED_CLIENT = 'unsigned-client'

function jwt(header: object, payload: object, signature = ''): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part(header)}.${part(payload)}.${signature}`
}

let server: Server
let base: string
let forwarded: Forwarded[]
let store: SimOidcStore
let faults: FaultRegistry
let legacy: LegacyRequestUris
let providerFails: boolean

function recorder(to: Forwarded['to']): NodeHandler {
  return (req, res) => {
    const r = req as IncomingMessage & { body?: string; originalUrl?: string }
    forwarded.push({
      to,
      method: req.method ?? '',
      url: req.url ?? '',
      ...(r.originalUrl === undefined ? {} : { originalUrl: r.originalUrl }),
      ...(r.body === undefined ? {} : { body: r.body }),
    })
    res.writeHead(200, { 'content-type': 'text/plain' }).end(to)
  }
}

beforeEach(async () => {
  forwarded = []
  providerFails = false
  store = new SimOidcStore(() => Date.now())
  faults = new FaultRegistry()
  legacy = new LegacyRequestUris(() => Date.now(), 60)
  const provider = recorder('provider')
  server = createServer(
    oidcGateway({
      store,
      faults,
      unsignedClients: new Set([UNSIGNED_CLIENT]),
      legacyRequests: legacy,
      rest: recorder('rest'),
      provider: () => {
        if (providerFails) throw new Error('provider down')
        return provider
      },
    }),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`
})

afterEach(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

function postForm(path: string, form: Record<string, string>): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  })
}

describe('oidcGateway routing', () => {
  it('sends the rest of the identity host, and the bank lists under /oidc, to the REST routes', async () => {
    await fetch(`${base}/users/u1`)
    await fetch(`${base}/oidc/.well-known/all-connections`)
    expect(forwarded.map((f) => [f.to, f.url])).toEqual([
      ['rest', '/users/u1'],
      ['rest', '/oidc/.well-known/all-connections'],
    ])
    expect(faults.counters()).toEqual({})
  })

  it('forwards an OIDC request below /oidc, keeping the original URL, and counts its route key', async () => {
    const res = await fetch(`${base}/oidc/.well-known/openid-configuration`)
    expect(await res.text()).toBe('provider')
    expect(forwarded).toEqual([
      {
        to: 'provider',
        method: 'GET',
        url: '/.well-known/openid-configuration',
        originalUrl: '/oidc/.well-known/openid-configuration',
      },
    ])
    await fetch(`${base}/oidc/certs`)
    await fetch(`${base}/oidc/session/end`)
    expect(faults.counters()).toEqual({ discovery: 1, jwks: 1, 'oidc /session/end': 1 })
  })

  it('answers an injected fault itself and forwards nothing', async () => {
    faults.add({ route: 'jwks', status: 503, times: 1 })
    const res = await fetch(`${base}/oidc/certs`)
    expect(res.status).toBe(503)
    expect(forwarded).toEqual([])
    expect((await fetch(`${base}/oidc/certs`)).status).toBe(200)
  })

  it('answers 500 server_error when the provider fails', async () => {
    providerFails = true
    const res = await fetch(`${base}/oidc/certs`)
    expect(res.status).toBe(500)
    expect(await res.json()).toEqual({
      error: 'server_error',
      error_description: 'simulator failure',
    })
  })
})

describe('oidcGateway token and PAR forms', () => {
  it('hands the read form on as req.body and counts the grant type first', async () => {
    await postForm('/oidc/token', { grant_type: 'client_credentials', scope: 'x' })
    expect(forwarded[0]?.body).toBe('grant_type=client_credentials&scope=x')
    expect(faults.counters()).toEqual({ 'token:client_credentials': 1 })
  })

  it('applies a fault on one grant type only', async () => {
    faults.add({ route: 'token:refresh_token', status: 400 })
    expect((await postForm('/oidc/token', { grant_type: 'refresh_token' })).status).toBe(400)
    expect((await postForm('/oidc/token', { grant_type: 'client_credentials' })).status).toBe(200)
    expect(forwarded.map((f) => f.body)).toEqual(['grant_type=client_credentials'])
  })

  it('refuses a form larger than oidc-provider accepts, before forwarding', async () => {
    const res = await postForm('/oidc/token', { grant_type: 'x', pad: 'a'.repeat(60 * 1024) })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ error: 'invalid_request' })
    expect(forwarded).toEqual([])
  })

  it("refuses a code exchange whose sub names another user than the code's", async () => {
    await store.factory('AuthorizationCode').upsert('code-1', { accountId: 'user-1' }, 60)
    const other = await postForm('/oidc/token', {
      grant_type: 'authorization_code',
      code: 'code-1',
      sub: 'user-2',
    })
    expect(other.status).toBe(400)
    expect(await other.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'grant request is invalid',
    })
    expect(forwarded).toEqual([])
    expect(faults.counters()).toEqual({ 'token:authorization_code': 1 })

    const same = await postForm('/oidc/token', {
      grant_type: 'authorization_code',
      code: 'code-1',
      sub: 'user-1',
    })
    expect(same.status).toBe(200)
    expect(forwarded).toHaveLength(1)
  })

  it('unpacks an unsigned request object of a client registered for it, at PAR', async () => {
    const request = jwt(
      { alg: 'none', typ: 'oauth-authz-req+jwt' },
      { client_id: UNSIGNED_CLIENT, scope: 'openid', iat: 1 },
    )
    await postForm('/oidc/request', { client_id: UNSIGNED_CLIENT, request })
    const body = new URLSearchParams(forwarded[0]?.body)
    expect(body.get('request')).toBeNull()
    expect(body.get('scope')).toBe('openid')
    expect(body.get('iat')).toBeNull()
    expect(faults.counters()).toEqual({ par: 1 })
  })

  it('leaves the unsigned request object of any other client for oidc-provider to refuse', async () => {
    const request = jwt({ alg: 'none' }, { client_id: 'signing-client', scope: 'openid' })
    await postForm('/oidc/request', { client_id: 'signing-client', request })
    expect(new URLSearchParams(forwarded[0]?.body).get('request')).toBe(request)
  })
})

describe('oidcGateway authorisation URLs', () => {
  it("names the client of a PAR request_uri that came alone, from the pushed request's object", async () => {
    const request = jwt({ alg: 'PS256' }, { client_id: 'client-a' }, 'sig')
    await store.factory('PushedAuthorizationRequest').upsert('par-1', { request }, 60)
    const uri = 'urn:ietf:params:oauth:request_uri:par-1'
    await fetch(`${base}/oidc/auth?request_uri=${encodeURIComponent(uri)}`)
    const query = new URL(`http://x${forwarded[0]?.url ?? ''}`).searchParams
    expect(query.get('client_id')).toBe('client-a')
    expect(query.get('request_uri')).toBe(uri)
  })

  it('refuses an unknown request_uri that came alone, as oidc-provider does', async () => {
    const uri = 'urn:ietf:params:oauth:request_uri:nope'
    const res = await fetch(`${base}/oidc/auth?request_uri=${encodeURIComponent(uri)}`)
    expect(res.status).toBe(400)
    expect(await res.text()).toMatch(/^invalid_request_uri/)
    expect(forwarded).toEqual([])
  })

  it('swaps a legacy request URN for its request object, once', async () => {
    const urn = legacy.issue('header.payload.sig', 'client-a')
    const url = `${base}/oidc/auth?request_uri=${encodeURIComponent(urn)}`
    await fetch(url)
    const query = new URL(`http://x${forwarded[0]?.url ?? ''}`).searchParams
    expect(query.get('request')).toBe('header.payload.sig')
    expect(query.get('client_id')).toBe('client-a')
    expect(query.get('request_uri')).toBeNull()
    const replay = await fetch(url)
    expect(replay.status).toBe(400)
    expect(forwarded).toHaveLength(1)
    expect(faults.counters()).toEqual({ auth: 2 })
  })

  it('refuses a legacy URN presented by another client', async () => {
    const urn = legacy.issue('header.payload.sig', 'client-a')
    const res = await fetch(
      `${base}/oidc/auth?client_id=client-b&request_uri=${encodeURIComponent(urn)}`,
    )
    expect(res.status).toBe(400)
    expect(forwarded).toEqual([])
  })

  it('forwards an ordinary authorisation URL unchanged', async () => {
    await fetch(`${base}/oidc/auth?client_id=c&response_type=code&scope=openid`)
    expect(forwarded[0]?.url).toBe('/auth?client_id=c&response_type=code&scope=openid')
  })
})
