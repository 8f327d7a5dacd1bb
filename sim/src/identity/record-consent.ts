import { randomUUID } from 'node:crypto'
import { ClaimName, earliestTransactionFrom } from '@mhkit/shared'

import { bankHistoryLimits, type SimBank } from '../banks'
import type { GrantOutcome, SimPayee, SimState } from '../state'
import { isRecord, type AuthorizationIntent } from './authorization-intent'

const DAY_MS = 24 * 3600 * 1000

/**
 * The consent window of an AIS connection: `mh:consent` dates when given; otherwise 90 days of
 * access (24 hours for a one-time connection without a user) and as much history as the bank
 * gives (`monthsInitialConsent` or `daysInitialConsent`, within 72 months). A requested
 * `transactionFromDateTime` is used as is: one earlier than the bank allows was refused before
 * the consent page (`historyLimitProblem`), never narrowed here.
 *
 * @param intent - The authorisation request.
 * @param bank - The chosen bank.
 * @param now - The simulator clock.
 * @returns When access ends and the earliest transaction date.
 * @see https://docs.moneyhubenterprise.com/docs/ais-consents
 */
export function consentWindow(
  intent: AuthorizationIntent,
  bank: SimBank,
  now: Date,
): { expiresAt: Date; transactionFrom: Date; tppConsent: boolean } {
  const consent = intent.claims[ClaimName.consent]?.value
  const value = isRecord(consent) ? consent : {}
  const expiry =
    typeof value.expirationDateTime === 'string' ? new Date(value.expirationDateTime) : undefined
  const from =
    typeof value.transactionFromDateTime === 'string'
      ? new Date(value.transactionFromDateTime)
      : undefined
  const defaultExpiry = intent.oneTime && !intent.requestedSub ? DAY_MS : 90 * DAY_MS
  return {
    expiresAt:
      expiry && !Number.isNaN(expiry.getTime()) ? expiry : new Date(now.getTime() + defaultExpiry),
    transactionFrom:
      from && !Number.isNaN(from.getTime())
        ? from
        : earliestTransactionFrom(now, bankHistoryLimits(bank)),
    tppConsent: expiry === undefined,
  }
}

/** What approving a consent produced. */
export interface RecordedConsent {
  accountId: string
  outcome: GrantOutcome
}

/**
 * Apply an approved consent to the simulator's world: create or reuse the user, then create the
 * connection, payment, standing order or VRP consent the request asked for (payments stay
 * `inProgress` until the code is exchanged, as at Moneyhub).
 *
 * @param input - The request, the client, the chosen bank and the state.
 * @returns The account (`sub`) to log in and the ids the ID token will carry. Throws `Error`
 *   when a requested user or connection no longer exists.
 */
export function recordConsent(input: {
  intent: AuthorizationIntent
  clientId: string
  bank: SimBank
  state: SimState
  now: Date
}): RecordedConsent {
  const { intent, clientId, bank, state, now } = input
  const at = now.toISOString()
  let userId = intent.requestedSub
  if (userId === undefined) userId = state.createUser(clientId).userId
  const user = state.users.get(userId)
  if (!user) throw new Error('requested user no longer exists')
  user.lastAccessed = at

  const claim = (name: string): Record<string, unknown> => {
    const value = intent.claims[name]?.value
    return isRecord(value) ? value : {}
  }
  const wantsConnectionId = intent.claims[ClaimName.connectionId] !== undefined
  const outcome: GrantOutcome = { bankId: bank.id }

  switch (intent.kind) {
    case 'ais': {
      const window = consentWindow(intent, bank, now)
      const connection = state.addConnection({ userId, bank, ...window })
      outcome.connectionId = connection.id
      break
    }
    case 'reauth':
    case 'refresh':
    case 'reconsent': {
      const connection = intent.requestedConnectionId
        ? state.connections.get(intent.requestedConnectionId)
        : undefined
      if (!connection) throw new Error('requested connection no longer exists')
      const window = consentWindow({ ...intent, oneTime: false }, bank, now)
      connection.expiresAt = window.expiresAt.toISOString()
      connection.extendedStatus = null
      connection.status = 'ok'
      connection.lastUpdated = at
      connection.userConsentedAt = at
      outcome.connectionId = connection.id
      break
    }
    case 'payment':
    case 'reverse_payment': {
      const value = claim(intent.kind === 'payment' ? ClaimName.payment : ClaimName.reversePayment)
      const original =
        intent.kind === 'reverse_payment' && typeof value.paymentId === 'string'
          ? state.payments.get(value.paymentId)
          : undefined
      const payeeId = original?.payeeId ?? resolvePayee(value, clientId, userId, state, at)
      const amount = typeof value.amount === 'number' ? value.amount : (original?.amount ?? 0)
      const id = randomUUID()
      state.payments.set(id, {
        id,
        clientId,
        userId,
        connectionId: wantsConnectionId ? `${bank.id}:${randomUUID()}` : null,
        amount,
        currency: 'GBP',
        payeeId,
        payeeType: typeof value.payeeType === 'string' ? value.payeeType : 'api-payee',
        payeeRef: typeof value.payeeRef === 'string' ? value.payeeRef : (original?.payerRef ?? ''),
        payerRef: typeof value.payerRef === 'string' ? value.payerRef : (original?.payeeRef ?? ''),
        payerId: typeof value.payerId === 'string' ? value.payerId : null,
        payerType: typeof value.payerType === 'string' ? value.payerType : null,
        context: typeof value.context === 'string' ? value.context : 'PartyToParty',
        status: 'inProgress',
        providerStatus: null,
        paymentSubmissionId: null,
        isReversible: value.readRefundAccount === true,
        charges: [],
        initiatedAt: at,
        authorisedAt: at,
        ...(original ? { reversesPaymentId: original.id } : {}),
      })
      if (intent.kind === 'payment') outcome.paymentId = id
      else {
        outcome.reversePaymentId = id
        if (original) outcome.paymentId = original.id
      }
      const connectionId = state.payments.get(id)?.connectionId ?? undefined
      if (wantsConnectionId && connectionId !== undefined) outcome.connectionId = connectionId
      break
    }
    case 'standing_order': {
      const value = claim(ClaimName.standingOrder)
      const id = randomUUID()
      state.standingOrders.set(id, {
        id,
        clientId,
        userId,
        status: 'InProgress',
        createdAt: at,
        updatedAt: at,
        standingOrder: { ...value, payeeId: resolvePayee(value, clientId, userId, state, at) },
      })
      outcome.standingOrderId = id
      if (wantsConnectionId) outcome.connectionId = `${bank.id}:${randomUUID()}`
      break
    }
    case 'recurring_payment': {
      const value = claim(ClaimName.recurringPayment)
      const id = randomUUID()
      const connectionId = `${bank.id}:${randomUUID()}`
      state.recurringPayments.set(id, {
        id,
        clientId,
        userId,
        connectionId,
        status: 'InProgress',
        createdAt: at,
        updatedAt: at,
        recurringPayment: { ...value, payeeId: resolvePayee(value, clientId, userId, state, at) },
        payments: [],
      })
      outcome.recurringPaymentId = id
      if (wantsConnectionId) outcome.connectionId = connectionId
      break
    }
  }
  return { accountId: userId, outcome }
}

/** The payee id of a payment-type claim: `payeeId` as given, or a payee created from `payee`. */
function resolvePayee(
  value: Record<string, unknown>,
  clientId: string,
  userId: string,
  state: SimState,
  at: string,
): string {
  if (typeof value.payeeId === 'string') return value.payeeId
  const payee = isRecord(value.payee) ? value.payee : {}
  const created: SimPayee = {
    id: randomUUID(),
    clientId,
    sortCode: typeof payee.sortCode === 'string' ? payee.sortCode : '',
    accountNumber: typeof payee.accountNumber === 'string' ? payee.accountNumber : '',
    name: typeof payee.name === 'string' ? payee.name : '',
    active: true,
    createdAt: at,
    modifiedAt: at,
    userId,
  }
  state.payees.set(created.id, created)
  return created.id
}
