import type { BankCatalog } from './banks/bank-catalog'
import type { Clock } from './clock'
import type { EndedLogins } from './flows/ended-logins'
import type { FirstConnectUsers } from './flows/first-connect-users'
import type { FlowRecords } from './flows/flow-records'
import type { LoginTransactions } from './flows/login-transactions'
import type { MoneyhubClient } from './moneyhub'
import type { Idempotency } from './payments/idempotency'
import type { PaymentLedger } from './payments/payment-ledger'
import type { SessionManager } from './session/sessions'
import type { UserBinding } from './user-binding'
import type { LiveEvents } from './events/live-events'

/** What the route factories share; built once by `createApp`. */
export interface Services {
  moneyhub: MoneyhubClient
  sessions: SessionManager
  flows: FlowRecords
  transactions: LoginTransactions
  /** The Moneyhub user a browser's first connects register and share. */
  firstConnectUsers: FirstConnectUsers
  /** Logins in flight that the end of a session has ended. */
  logins: EndedLogins
  banks: BankCatalog
  /** Payments, VRP consents and standing orders this BFF started, and for whom. */
  payments: PaymentLedger
  /** `Idempotency-Key` outcomes of VRP payments. */
  idempotency: Idempotency
  userBinding: UserBinding
  /** Live events for the browser's streams, and the Moneyhub users this BFF serves. */
  liveEvents: LiveEvents
  clock: Clock
  /** Bank set used when a connect request names no bank (`id:<set>` scope). */
  defaultBankSet: 'all' | 'api' | 'test'
}
