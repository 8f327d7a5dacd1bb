import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { SIGN_IN_TTL_MS } from './host-accounts'

// `__Host-`: secure, path `/`, no domain, so no other site or subdomain can set it. Browsers
// treat http://localhost as secure, so the prefix works in development too. SameSite=Lax,
// not Strict: the bank's redirect back to /api/callback is a cross-site top-level navigation,
// and the binding must know the demo user on that request.
const NAME = '__Host-mhkit-demo-user'
const ID = /^[A-Za-z0-9_-]{43}$/

/** The demo sign-in id the request carries, if well formed. */
export function readHostCookie(c: Context): string | undefined {
  const value = getCookie(c, NAME)
  return value !== undefined && ID.test(value) ? value : undefined
}

/** Sets the demo sign-in cookie: HttpOnly, Secure, SameSite=Lax. */
export function writeHostCookie(c: Context, id: string): void {
  setCookie(c, NAME, id, {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'Lax',
    maxAge: SIGN_IN_TTL_MS / 1000,
  })
}

/** Clears the demo sign-in cookie. */
export function clearHostCookie(c: Context): void {
  deleteCookie(c, NAME, { path: '/', secure: true, httpOnly: true, sameSite: 'Lax' })
}
