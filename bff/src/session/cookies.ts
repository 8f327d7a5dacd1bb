import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'

import { SESSION_ID_PATTERN } from './ids'

/** Session cookie: `__Host-` prefix, Secure, HttpOnly, Path=/, no Domain, SameSite=Strict. */
export const SESSION_COOKIE = '__Host-mhkit-session'
/**
 * Login-transaction (browser binding) cookie: SameSite=Lax because the callback is a
 * cross-site top-level navigation from the identity host, which never carries Strict cookies.
 * docs/security.md S1, S3; docs/decisions/003-cookie-policy.md.
 */
export const TX_COOKIE = '__Host-mhkit-tx'

/** Lifetime of the login-transaction cookie and of the transaction itself. */
export const TX_TTL_MS = 10 * 60 * 1000

function readId(c: Context, name: string): string | undefined {
  // The cookie value is only ever a 256-bit base64url id; anything else is ignored unread.
  const value = getCookie(c, name)
  return value !== undefined && SESSION_ID_PATTERN.test(value) ? value : undefined
}

/** The session id from the request's cookie, when well-formed. Never from URL or body (S4). */
export function readSessionCookie(c: Context): string | undefined {
  return readId(c, SESSION_COOKIE)
}

/** The browser-binding handle from the login-transaction cookie, when well-formed. */
export function readTxCookie(c: Context): string | undefined {
  return readId(c, TX_COOKIE)
}

/**
 * Sets the session cookie. It is a session cookie in the browser sense too (no Max-Age):
 * lifetime is enforced server-side (idle and absolute), docs/security.md S5.
 */
export function writeSessionCookie(c: Context, id: string): void {
  setCookie(c, SESSION_COOKIE, id, {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'Strict',
  })
}

/** Sets the login-transaction cookie for at most 10 minutes. */
export function writeTxCookie(c: Context, id: string): void {
  setCookie(c, TX_COOKIE, id, {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'Lax',
    maxAge: TX_TTL_MS / 1000,
  })
}

/** Clears the session cookie with the same attributes and Max-Age=0 (docs/security.md S6). */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'Strict' })
}

/** Clears the login-transaction cookie. */
export function clearTxCookie(c: Context): void {
  deleteCookie(c, TX_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'Lax' })
}
