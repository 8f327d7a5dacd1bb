import type { Context } from 'hono'

import type { AppEnv } from './context'
import { AppError } from './errors'
import { readSessionCookie } from './session/cookies'

/**
 * Binds the Moneyhub user (`sub`) to whoever is signed in. The default keeps it in the BFF
 * session; a host app with its own sign-in passes a binding that stores it against its own
 * user (e.g. a column in its users table), so the user keeps their banks across devices.
 */
export interface UserBinding {
  /** The Moneyhub user of this request, if any. */
  get(c: Context<AppEnv>): Promise<string | undefined>
  /** Records the Moneyhub user after a successful connect (the callback request). */
  set(c: Context<AppEnv>, sub: string): Promise<void>
}

/** The default {@link UserBinding}: the BFF session holds the Moneyhub user id. */
export const sessionUserBinding: UserBinding = {
  get: (c) => Promise.resolve(c.var.session?.data.sub),
  set(c, sub) {
    const session = c.var.session
    if (session !== undefined) session.data.sub = sub
    return Promise.resolve()
  },
}

/**
 * The Moneyhub user of the request, or a 401: `session_expired` when a session cookie came
 * with the request but its session has ended, `unauthenticated` otherwise.
 *
 * @throws AppError `unauthenticated` | `session_expired`
 */
export async function requireUser(c: Context<AppEnv>, binding: UserBinding): Promise<string> {
  const sub = await binding.get(c)
  if (sub !== undefined) return sub
  if (c.var.session === undefined && readSessionCookie(c) !== undefined) {
    throw new AppError('session_expired')
  }
  throw new AppError('unauthenticated')
}
