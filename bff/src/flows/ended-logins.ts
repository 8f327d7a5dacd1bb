import type { Clock } from '../clock'
import { TX_TTL_MS } from '../session/cookies'
import type { Store } from '../session/store'
import type { LoginTransaction } from './login-transactions'

/**
 * Which logins in flight have been ended by the end of a session. Logout, or the S7 end on
 * `reauth_required`, ends every login the browser has in flight: on a shared device the next
 * person must not be signed in as the previous one by approving (or replaying) a consent that
 * was pending at logout. A login whose starting session has ended (logout, S7, expiry) is
 * ended too, unless a login of the same browser replaced that session with a new one.
 * docs/security.md LL1, S6, S7.
 */
export interface EndedLogins {
  /** Ends every login this browser has started until now. */
  endBrowser(browserHash: string): Promise<void>
  /**
   * Records that a login replaced this session with a new id (docs/security.md S4): that is no end,
   * and the logins it started in other tabs may still complete.
   */
  sessionReplaced(sessionHash: string): Promise<void>
  /**
   * Whether the login is ended: its browser ended its logins after it started, or its
   * starting session is gone without having been replaced by a login.
   *
   * @param startingSessionLive - whether the session that started it still exists (true when
   *   none did)
   */
  hasEnded(tx: LoginTransaction, startingSessionLive: boolean): Promise<boolean>
}

/**
 * Creates {@link EndedLogins} over a {@link Store}: `loginsend:<browserHash>` (when the browser
 * last ended its logins) and `sessreplaced:<sessionHash>`, each living as long as a login
 * transaction can ({@link TX_TTL_MS}), so every login they speak of is covered.
 *
 * @param store - any store
 * @param clock - time source; a login started at the very millisecond of the end is ended too
 */
export function createEndedLogins(store: Store, clock: Clock): EndedLogins {
  const browserKey = (hash: string): string => `loginsend:${hash}`
  const replacedKey = (hash: string): string => `sessreplaced:${hash}`
  return {
    endBrowser: (browserHash) => store.set(browserKey(browserHash), String(clock.now()), TX_TTL_MS),
    sessionReplaced: (sessionHash) => store.set(replacedKey(sessionHash), '1', TX_TTL_MS),
    async hasEnded(tx, startingSessionLive) {
      const ended = await store.get(browserKey(tx.browserHash))
      if (ended !== undefined && tx.createdAt <= Number(ended)) return true
      if (startingSessionLive || tx.sessionHash === undefined) return false
      return (await store.get(replacedKey(tx.sessionHash))) === undefined
    },
  }
}
