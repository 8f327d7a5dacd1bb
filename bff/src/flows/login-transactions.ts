import type { FlowKind } from '@mhkit/shared'

import type { PaymentIntent } from '../payments/payment-intents'
import type { Store } from '../session/store'
import { TX_TTL_MS } from '../session/cookies'

/**
 * What the BFF remembers between `POST /api/connect` and the callback (docs/security.md S3): never
 * sent to the browser; the verifier is sealed. Keyed by the OAuth `state`.
 */
export interface LoginTransaction {
  flowId: string
  kind: FlowKind
  /** sha256 of the login-transaction cookie: binds the callback to the starting browser. */
  browserHash: string
  nonce: string
  /** Sealed PKCE verifier. */
  codeVerifier: string
  returnTo: string
  /** The Moneyhub user asked for (`sub` claim value) when already known. */
  sub?: string
  connectionId?: string
  oneTime: boolean
  /**
   * A one-time reconnect (`reauth` of a one-time connection): the connection whose grant the
   * new one-time consent replaces on success.
   */
  replacesConnectionId?: string
  /** Store key (hash) of the session that started the flow, to carry it over on success. */
  sessionHash?: string
  /**
   * A payment-kind flow: what the user authorises, fixed at the PAR (never from the browser
   * afterwards); the callback records exactly this.
   */
  payment?: PaymentIntent
  createdAt: number
}

/** Login transactions that live 10 minutes and are consumed once, atomically. */
export interface LoginTransactions {
  put(state: string, tx: LoginTransaction): Promise<void>
  /**
   * The transaction for `state`, left in place: to check which browser it is bound to before
   * anyone takes it, so a callback in another browser consumes nothing.
   */
  peek(state: string): Promise<LoginTransaction | undefined>
  /** The transaction for `state`, removed in the same step; undefined for the losers. */
  take(state: string): Promise<LoginTransaction | undefined>
}

/**
 * Creates {@link LoginTransactions} over a {@link Store} (`tx:<state>`).
 *
 * @param store - any store; `take` is atomic in all of them
 */
export function createLoginTransactions(store: Store): LoginTransactions {
  const key = (state: string): string => `tx:${state}`
  return {
    put: (state, tx) => store.set(key(state), JSON.stringify(tx), TX_TTL_MS),
    async peek(state) {
      const raw = await store.get(key(state))
      return raw === undefined ? undefined : (JSON.parse(raw) as LoginTransaction)
    },
    async take(state) {
      const raw = await store.take(key(state))
      return raw === undefined ? undefined : (JSON.parse(raw) as LoginTransaction)
    },
  }
}
