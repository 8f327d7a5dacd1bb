import { sessionUserBinding, type UserBinding } from '@mhkit/bff'
import type { HostAccounts } from './host-accounts'
import { readHostCookie } from './host-cookie'

/**
 * The demo host's `userBinding` (bff/README.md "userBinding"): when someone is signed in to
 * the host, their Moneyhub user is stored against the host user, so logging out of the BFF
 * session and signing in again finds the same banks. A guest (no host sign-in) keeps the
 * default: the BFF session holds the Moneyhub user, exactly as without a host.
 *
 * @param accounts - the host's users and sign-ins
 */
export function hostUserBinding(accounts: HostAccounts): UserBinding {
  return {
    async get(c) {
      const signInId = readHostCookie(c)
      const user = signInId === undefined ? undefined : await accounts.userOf(signInId)
      // An ended or unknown sign-in is a guest.
      if (user === undefined) return sessionUserBinding.get(c)
      // A signed-in host user is who the request is about, even when the BFF session still
      // remembers an earlier guest's bank: never mix two people's data.
      return user.sub
    },
    async set(c, sub) {
      // The session keeps it too: the BFF's own session bookkeeping (logout, reauth) reads it.
      await sessionUserBinding.set(c, sub)
      const signInId = readHostCookie(c)
      if (signInId !== undefined) await accounts.bindSub(signInId, sub)
    },
  }
}
