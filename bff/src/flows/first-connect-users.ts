import type { MoneyhubClient } from '../moneyhub'
import { TX_TTL_MS } from '../session/cookies'
import type { Store } from '../session/store'

/**
 * The Moneyhub user of a browser's first ongoing connect. Moneyhub's registered-user journey
 * creates the user before the consent and names it in the `sub` claim
 * (docs/moneyhub-protocol.md §4.2 use case 2, §9.5). Doing that once per browser, not once per
 * flow, is what lets two tabs that each connect a bank at the same time end with one user
 * holding both banks: the second tab's connect finds the user the first one registered.
 */
export interface FirstConnectUsers {
  /**
   * The user this browser's first connects share: the one registered by an earlier connect of
   * the same browser that has not finished yet, or a newly registered one.
   *
   * @param browserHash - sha256 of the login-transaction cookie (a new one after logout, so
   *   the next person on a shared device never inherits the user)
   * @throws MoneyhubError from registering the user
   */
  userFor(browserHash: string): Promise<string>
  /** Forgets the browser's pending user once a login has bound it to a session. */
  settled(browserHash: string): Promise<void>
}

/**
 * Creates {@link FirstConnectUsers} over a {@link Store} (`firstuser:<browserHash>`, living as
 * long as a login transaction). Two tabs racing each register a user; the store's atomic `add`
 * picks one and the loser deletes its own, so no empty user is left behind.
 */
export function createFirstConnectUsers(
  store: Store,
  moneyhub: Pick<MoneyhubClient, 'registerUser' | 'deleteUser'>,
  onOrphanLeft: (error: unknown) => void,
): FirstConnectUsers {
  const key = (browserHash: string): string => `firstuser:${browserHash}`
  return {
    async userFor(browserHash) {
      const pending = await store.get(key(browserHash))
      if (pending !== undefined) return pending
      const { userId } = await moneyhub.registerUser()
      if (await store.add(key(browserHash), userId, TX_TTL_MS)) return userId
      const winner = await store.get(key(browserHash))
      // The other tab's entry lapsed in between: nothing to share, keep this user.
      if (winner === undefined) return userId
      // Best effort: an unused user holds no data, but is not left at Moneyhub on purpose.
      await moneyhub.deleteUser(userId).catch(onOrphanLeft)
      return winner
    },
    settled: (browserHash) => store.delete(key(browserHash)),
  }
}
