import { Hono } from 'hono'
import type { HostAccounts } from './host-accounts'
import { clearHostCookie, readHostCookie, writeHostCookie } from './host-cookie'

/** What `GET /api/demo-auth/me` answers: the signed-in demo user, or `null` for a guest. */
interface DemoAuthMe {
  readonly user: { readonly name: string; readonly hasBanks: boolean } | null
}

// Letters (any script), digits, spaces, dot, apostrophe and hyphen; 1–40 characters.
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} .'-]{0,39}$/u

// The contract's error shape, with a stable code; the message is for developers.
function refuse(status: 400 | 403 | 415, code: string, message: string): Response {
  return Response.json({ error: { code, message, correlationId: crypto.randomUUID() } }, { status })
}

/**
 * The host app's own sign-in routes, under the same rules as the BFF's (docs/architecture.md
 * §3): `X-CSRF: 1` on every request; writes need `Content-Type: application/json` and this
 * origin as `Origin`; bad input is a 400 with a stable code. A demo sign-in: a name, no
 * password.
 *
 * - `GET /api/demo-auth/me` → {@link DemoAuthMe}
 * - `POST /api/demo-auth/sign-in` `{ name }` → {@link DemoAuthMe}, sets the host cookie
 * - `POST /api/demo-auth/sign-out` → `{ user: null }`, ends the sign-in and clears the cookie
 *
 * @param accounts - the host's users and sign-ins
 * @param appOrigin - the app's origin, the only `Origin` a write may come from
 */
export function demoAuthRoutes(accounts: HostAccounts, appOrigin: string) {
  return new Hono()
    .use('*', async (c, next) => {
      if (c.req.header('x-csrf') !== '1') {
        return refuse(403, 'csrf_header_missing', 'X-CSRF: 1 is required.')
      }
      if (c.req.method !== 'GET') {
        if (c.req.header('origin') !== appOrigin) {
          return refuse(403, 'origin_mismatch', 'Cross-origin writes are refused.')
        }
        const type = c.req.header('content-type') ?? ''
        if (!type.toLowerCase().startsWith('application/json')) {
          return refuse(415, 'unsupported_media_type', 'Send application/json.')
        }
      }
      await next()
    })
    .get('/me', async (c) => {
      const id = readHostCookie(c)
      const user = id === undefined ? undefined : await accounts.userOf(id)
      const body: DemoAuthMe = {
        user: user === undefined ? null : { name: user.name, hasBanks: user.sub !== undefined },
      }
      return c.json(body, 200, { 'cache-control': 'no-store' })
    })
    .post('/sign-in', async (c) => {
      const body: unknown = await c.req.json().catch(() => undefined)
      const name =
        typeof body === 'object' && body !== null && 'name' in body ? body.name : undefined
      if (typeof name !== 'string' || !NAME.test(name.trim())) {
        return refuse(400, 'invalid_request', 'name: 1–40 letters, digits or spaces.')
      }
      const previous = readHostCookie(c)
      if (previous !== undefined) await accounts.signOut(previous)
      const id = await accounts.signIn(name)
      writeHostCookie(c, id)
      const user = await accounts.userOf(id)
      const me: DemoAuthMe = {
        user: user === undefined ? null : { name: user.name, hasBanks: user.sub !== undefined },
      }
      return c.json(me, 200)
    })
    .post('/sign-out', async (c) => {
      const id = readHostCookie(c)
      if (id !== undefined) await accounts.signOut(id)
      clearHostCookie(c)
      const me: DemoAuthMe = { user: null }
      return c.json(me, 200)
    })
}
