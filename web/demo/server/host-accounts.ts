import { createHash, randomBytes } from 'node:crypto'
import type { Store } from '@mhkit/bff'

// The demo host's own records live in the BFF's store under their own prefix: a real host
// app would keep them in its users table.
const USER = 'demo-host:user:'
const SIGN_IN = 'demo-host:sign-in:'
const YEAR_MS = 365 * 24 * 60 * 60 * 1000
/** How long a demo sign-in lasts without signing in again. */
export const SIGN_IN_TTL_MS = 7 * 24 * 60 * 60 * 1000

/** A demo user: a display name, and the Moneyhub user bound to it once they connect a bank. */
interface HostUser {
  readonly name: string
  readonly sub?: string
}

/** The demo host's users and sign-ins, over a {@link Store}. */
export interface HostAccounts {
  /** Signs `name` in (creating the user on first use); the opaque id goes in the cookie. */
  signIn(name: string): Promise<string>
  /** The signed-in user behind a cookie's id, if the sign-in is still live. */
  userOf(signInId: string): Promise<HostUser | undefined>
  /** Ends a sign-in (the user and its bound Moneyhub user stay). */
  signOut(signInId: string): Promise<void>
  /** Binds the Moneyhub user to the demo user signed in with this id. */
  bindSub(signInId: string, sub: string): Promise<void>
}

/** One user per name, case and surrounding spaces ignored ("Alice" and " alice" are one). */
function userKey(name: string): string {
  return USER + name.trim().toLowerCase()
}

// Only a hash of the cookie's id is stored, so a copy of the store signs nobody in.
function signInKey(id: string): string {
  return SIGN_IN + createHash('sha256').update(id).digest('base64url')
}

/**
 * The demo host's accounts: a name is enough to sign in (there is no password: this is a
 * demo of binding, not of authentication), and each sign-in is an opaque random id.
 *
 * @param storeOf - where users and sign-ins are kept (the BFF's store in the demo host,
 *   which exists only once the BFF is built, after the binding that reads these accounts)
 */
export function createHostAccounts(storeOf: () => Store): HostAccounts {
  const readUser = async (name: string): Promise<HostUser | undefined> => {
    const raw = await storeOf().get(userKey(name))
    return raw === undefined ? undefined : (JSON.parse(raw) as HostUser)
  }
  const nameOf = (signInId: string) => storeOf().get(signInKey(signInId))
  return {
    async signIn(name) {
      const clean = name.trim()
      if ((await readUser(clean)) === undefined) {
        await storeOf().set(userKey(clean), JSON.stringify({ name: clean }), YEAR_MS)
      }
      const id = randomBytes(32).toString('base64url')
      await storeOf().set(signInKey(id), clean, SIGN_IN_TTL_MS)
      return id
    },
    async userOf(signInId) {
      const name = await nameOf(signInId)
      return name === undefined ? undefined : readUser(name)
    },
    async signOut(signInId) {
      await storeOf().delete(signInKey(signInId))
    },
    async bindSub(signInId, sub) {
      const name = await nameOf(signInId)
      const user = name === undefined ? undefined : await readUser(name)
      if (name === undefined || user === undefined) return
      await storeOf().set(userKey(name), JSON.stringify({ ...user, sub }), YEAR_MS)
    },
  }
}
