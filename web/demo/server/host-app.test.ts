// @vitest-environment node
import { createMemoryStore, type Store } from '@mhkit/bff'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHostAccounts } from './host-accounts'
import { createHostApp } from './host-app'

const ORIGIN = 'http://localhost:5173'

let store: Store
let forwarded: string[]

function host() {
  const accounts = createHostAccounts(() => store)
  // The BFF's place: records what reaches it (the real BFF is exercised by the journeys).
  const bff = {
    fetch: (request: Request) => {
      forwarded.push(new URL(request.url).pathname)
      return new Response('from the BFF', { status: 200 })
    },
  }
  return { app: createHostApp({ bff, accounts, appOrigin: ORIGIN }), accounts }
}

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return {
    method: 'POST',
    headers: {
      'x-csrf': '1',
      origin: ORIGIN,
      'content-type': 'application/json',
      ...headers,
    },
    body: JSON.stringify(body),
  }
}

function cookieOf(response: Response): string {
  const header = response.headers.get('set-cookie') ?? ''
  return header.split(';', 1)[0] ?? ''
}

beforeEach(() => {
  store = createMemoryStore()
  forwarded = []
})

afterEach(async () => {
  await store.close()
})

describe('the demo host', () => {
  it('signs a name in with an HttpOnly, Secure, SameSite=Lax cookie and knows who it is', async () => {
    const { app } = host()
    const signIn = await app.request('/api/demo-auth/sign-in', post('/', { name: ' Alice ' }))
    expect(signIn.status).toBe(200)
    expect(await signIn.json()).toEqual({ user: { name: 'Alice', hasBanks: false } })
    const setCookie = signIn.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/^__Host-mhkit-demo-user=[A-Za-z0-9_-]{43};/)
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('Secure')
    expect(setCookie).toContain('SameSite=Lax')
    // The cookie is an opaque id, not the name.
    expect(setCookie).not.toContain('Alice')
    const me = await app.request('/api/demo-auth/me', {
      headers: { 'x-csrf': '1', cookie: cookieOf(signIn) },
    })
    expect(await me.json()).toEqual({ user: { name: 'Alice', hasBanks: false } })
    expect(forwarded).toEqual([])
  })

  it('keeps the bound Moneyhub user across a sign-out and a new sign-in with the same name', async () => {
    const { app, accounts } = host()
    const first = await app.request('/api/demo-auth/sign-in', post('/', { name: 'alice' }))
    const firstCookie = cookieOf(first)
    await accounts.bindSub(firstCookie.split('=')[1] ?? '', 'moneyhub-user-1')
    const out = await app.request('/api/demo-auth/sign-out', post('/', {}, { cookie: firstCookie }))
    expect(await out.json()).toEqual({ user: null })
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/)
    // The ended sign-in no longer names anyone.
    const stale = await app.request('/api/demo-auth/me', {
      headers: { 'x-csrf': '1', cookie: firstCookie },
    })
    expect(await stale.json()).toEqual({ user: null })
    const again = await app.request('/api/demo-auth/sign-in', post('/', { name: 'Alice' }))
    const id = cookieOf(again).split('=')[1] ?? ''
    expect(id).not.toBe(firstCookie.split('=')[1])
    expect((await accounts.userOf(id))?.sub).toBe('moneyhub-user-1')
    expect(await again.json()).toEqual({ user: { name: 'alice', hasBanks: true } })
  })

  it('refuses requests without the CSRF header, cross-origin writes and non-JSON bodies', async () => {
    const { app } = host()
    const noCsrf = await app.request('/api/demo-auth/me')
    expect(noCsrf.status).toBe(403)
    expect(((await noCsrf.json()) as { error: { code: string } }).error.code).toBe(
      'csrf_header_missing',
    )
    const crossOrigin = await app.request(
      '/api/demo-auth/sign-in',
      post('/', { name: 'Mallory' }, { origin: 'https://evil.example' }),
    )
    expect(crossOrigin.status).toBe(403)
    expect(crossOrigin.headers.get('set-cookie')).toBeNull()
    const form = await app.request(
      '/api/demo-auth/sign-in',
      post('/', { name: 'Mallory' }, { 'content-type': 'text/plain' }),
    )
    expect(form.status).toBe(415)
    expect(forwarded).toEqual([])
  })

  it('refuses an empty, overlong or odd name with invalid_request and sets no cookie', async () => {
    const { app } = host()
    for (const name of ['', '   ', 'x'.repeat(41), '<script>', 42]) {
      const response = await app.request('/api/demo-auth/sign-in', post('/', { name }))
      expect(response.status).toBe(400)
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'invalid_request',
      )
      expect(response.headers.get('set-cookie')).toBeNull()
    }
  })

  it('passes every other path to the BFF untouched', async () => {
    const { app } = host()
    const response = await app.request('/api/session', { headers: { 'x-csrf': '1' } })
    expect(await response.text()).toBe('from the BFF')
    await app.request('/healthz')
    expect(forwarded).toEqual(['/api/session', '/healthz'])
  })
})
