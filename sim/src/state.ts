import { randomBytes, randomUUID } from 'node:crypto'

import { BankOutcomes, type BankOutcome } from './bank-outcomes'

/** While a payment is pending: when (simulator clock) and how the bank settles it. */
export interface PendingSettlement {
  at: string
  outcome: BankOutcome['outcome']
}

/** A Moneyhub user as `POST /users` and `GET /users/:id` return it (bare, not enveloped). */
export interface SimUser {
  userId: string
  clientUserId: string | null
  clientId: string
  scopes: string[]
  managedBy: 'client'
  userType: 'test'
  createdAt: string
  updatedAt: string
  lastAccessed: string | null
  connectionIds: string[]
}

/** A bank connection as `GET /users/:id/connections` returns it, plus the simulator's extras. */
export interface SimConnection {
  id: string
  userId: string
  bankId: string
  name: string
  type: 'api' | 'legacy' | 'test'
  connectedOn: string
  lastUpdated: string
  expiresAt: string
  /** Earliest date the bank shares transactions from (the consent window start). */
  transactionFrom: string
  userConsentedAt: string
  tppConsent: boolean
  status: 'ok' | 'error' | 'never'
  error: string | null
  extendedStatus: 'expired' | 'stoppedSyncing' | null
}

/** A payee created with `POST /payees` or on the fly by a payment claim. */
export interface SimPayee {
  id: string
  clientId: string
  sortCode: string
  accountNumber: string
  name: string
  active: boolean
  createdAt: string
  modifiedAt: string
  externalId?: string | undefined
  userId?: string | undefined
}

/** A single payment as `GET /payments/:id` returns it. */
export interface SimPayment {
  id: string
  clientId: string
  userId: string | null
  connectionId: string | null
  amount: number
  currency: 'GBP'
  payeeId: string
  payeeType: string
  payeeRef: string
  payerRef: string
  payerId: string | null
  payerType: string | null
  context: string
  status: string
  providerStatus: string | null
  paymentSubmissionId: string | null
  isReversible: boolean
  charges: { bearer: string; type: string; amount: number; currency: string }[]
  initiatedAt: string
  authorisedAt?: string
  exchangedAt?: string
  finalisedAt?: string
  /** Set when the payment is a refund of another payment. */
  reversesPaymentId?: string
  /** Simulator bookkeeping while `pending` (never returned). */
  settlement?: PendingSettlement
}

/** A standing-order request as `GET /standing-orders/:id` returns it. */
export interface SimStandingOrder {
  id: string
  clientId: string
  userId: string | null
  status:
    'InProgress' | 'InitiationPending' | 'InitiationFailed' | 'InitiationCompleted' | 'Cancelled'
  createdAt: string
  updatedAt: string
  standingOrder: Record<string, unknown>
}

/** A VRP consent as `GET /recurring-payments/:id` returns it. */
export interface SimRecurringPayment {
  id: string
  clientId: string
  userId: string | null
  connectionId: string | null
  status: 'InProgress' | 'Authorised' | 'Revoked'
  createdAt: string
  updatedAt: string
  revokedAt?: string
  recurringPayment: Record<string, unknown>
  payments: {
    id: string
    paymentSubmissionId: string
    amount: number
    payeeRef: string
    payerRef: string
    status: string
    providerStatus: string
    submittedAt: string
    finalisedAt?: string
    /** Simulator bookkeeping while `pending` (never returned). */
    settlement?: PendingSettlement
  }[]
}

/** What one consent produced; ID tokens of the grant carry these ids. */
export interface GrantOutcome {
  /** The bank consented at (never put in a token). */
  bankId?: string
  connectionId?: string
  paymentId?: string
  reversePaymentId?: string
  standingOrderId?: string
  recurringPaymentId?: string
}

/**
 * The simulator's in-memory world: users, connections and payment resources. One per simulator
 * instance, so several simulators in one test process never share state.
 */
export class SimState {
  readonly users = new Map<string, SimUser>()
  readonly connections = new Map<string, SimConnection>()
  readonly payees = new Map<string, SimPayee>()
  readonly payments = new Map<string, SimPayment>()
  readonly standingOrders = new Map<string, SimStandingOrder>()
  readonly recurringPayments = new Map<string, SimRecurringPayment>()
  /** grantId → ids the consent produced. */
  readonly grantOutcomes = new Map<string, GrantOutcome>()
  /** What the bank does with the next payments (the admin API injects outcomes). */
  readonly bankOutcomes = new BankOutcomes()

  constructor(private readonly now: () => Date) {}

  /** Create a Moneyhub user; ids are 24 hex characters like Moneyhub's. */
  createUser(clientId: string, clientUserId: string | null = null): SimUser {
    const at = this.now().toISOString()
    const user: SimUser = {
      userId: randomBytes(12).toString('hex'),
      clientUserId,
      clientId,
      scopes: [],
      managedBy: 'client',
      userType: 'test',
      createdAt: at,
      updatedAt: at,
      lastAccessed: null,
      connectionIds: [],
    }
    this.users.set(user.userId, user)
    return user
  }

  /** Delete a user with their connections. */
  deleteUser(userId: string): boolean {
    const user = this.users.get(userId)
    if (!user) return false
    for (const connectionId of user.connectionIds) this.connections.delete(connectionId)
    this.users.delete(userId)
    return true
  }

  /** Connections of one user, oldest first. */
  connectionsOf(userId: string): SimConnection[] {
    return [...this.connections.values()].filter((connection) => connection.userId === userId)
  }

  /** Record a new connection `<bankId>:<uuid>` for a user. */
  addConnection(input: {
    userId: string
    bank: { id: string; name: string; type: SimConnection['type'] }
    expiresAt: Date
    transactionFrom: Date
    tppConsent: boolean
  }): SimConnection {
    const at = this.now().toISOString()
    const connection: SimConnection = {
      id: `${input.bank.id}:${randomUUID()}`,
      userId: input.userId,
      bankId: input.bank.id,
      name: input.bank.name,
      type: input.bank.type,
      connectedOn: at,
      lastUpdated: at,
      expiresAt: input.expiresAt.toISOString(),
      transactionFrom: input.transactionFrom.toISOString(),
      userConsentedAt: at,
      tppConsent: input.tppConsent,
      status: 'ok',
      error: null,
      extendedStatus: null,
    }
    this.connections.set(connection.id, connection)
    const user = this.users.get(input.userId)
    if (user) {
      user.connectionIds.push(connection.id)
      user.updatedAt = at
    }
    return connection
  }

  /** Remove a connection and detach it from its user. */
  deleteConnection(connectionId: string): boolean {
    const connection = this.connections.get(connectionId)
    if (!connection) return false
    this.connections.delete(connectionId)
    const user = this.users.get(connection.userId)
    if (user) user.connectionIds = user.connectionIds.filter((id) => id !== connectionId)
    return true
  }

  /** Whether a connection's consent has lapsed (by date or by the admin API). */
  isExpired(connection: SimConnection): boolean {
    return (
      connection.extendedStatus === 'expired' ||
      Date.parse(connection.expiresAt) <= this.now().getTime()
    )
  }
}
