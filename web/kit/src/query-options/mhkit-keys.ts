import type { BankListKind, FlowResponse, TransactionFilters } from '../api/contract'

const all = ['mhkit'] as const

// The keys the connect-and-data components need are also plain functions: an object literal is
// kept whole by bundlers, so an app that lists accounts would otherwise ship every payment key.
/** `mhkitKeys.session()` */
export const sessionKey = () => [...all, 'session'] as const
/** `mhkitKeys.accounts()` */
export const accountsKey = () => [...all, 'accounts'] as const
/** `mhkitKeys.transactions()` */
const transactionsKey = () => [...all, 'transactions'] as const
/** `mhkitKeys.transactionList(filters)` */
export const transactionListKey = (filters: TransactionFilters) =>
  [...all, 'transactions', filters] as const
/** `mhkitKeys.connections()` */
const connectionsKey = () => [...all, 'connections'] as const
/** `mhkitKeys.flow(flowId)` */
export const flowKey = (flowId: string) => [...all, 'flows', flowId] as const
/** `mhkitKeys.payments()` */
const paymentsKey = () => [...all, 'payments'] as const
/** `mhkitKeys.recurringPayments()` */
const recurringPaymentsKey = () => [...all, 'recurring-payments'] as const
/** `mhkitKeys.standingOrders()` */
const standingOrdersKey = () => [...all, 'standing-orders'] as const

/**
 * Query key factory for everything the kit caches. Every key starts with `['mhkit']`, so an app
 * can invalidate or remove all of the kit's data at once (`mhkitKeys.all`), and each resource
 * has a prefix that covers its variants (`mhkitKeys.transactions()` covers every filter).
 */
export const mhkitKeys = {
  all,
  session: sessionKey,
  banks: (kind?: BankListKind) =>
    kind === undefined ? ([...all, 'banks'] as const) : ([...all, 'banks', kind] as const),
  accounts: accountsKey,
  account: (accountId: string) => [...all, 'accounts', accountId] as const,
  transactions: transactionsKey,
  transactionList: transactionListKey,
  connections: connectionsKey,
  flow: flowKey,
  payments: paymentsKey,
  payment: (paymentId: string) => [...all, 'payments', paymentId] as const,
  payees: () => [...all, 'payees'] as const,
  recurringPayments: recurringPaymentsKey,
  recurringPayment: (id: string) => [...all, 'recurring-payments', id] as const,
  standingOrders: standingOrdersKey,
  standingOrder: (id: string) => [...all, 'standing-orders', id] as const,
}

/** Keys whose data changes when a bank is connected, reconnected or disconnected. */
export function connectionDependentKeys() {
  return [sessionKey(), accountsKey(), transactionsKey(), connectionsKey()] as const
}

/** Keys whose data a settled flow of `kind` changed: the connection's data, or its payments. */
export function keysAfterFlow(kind: FlowResponse['kind']): ReadonlyArray<readonly string[]> {
  if (kind === 'payment') return [paymentsKey()]
  if (kind === 'recurring_payment') return [recurringPaymentsKey()]
  if (kind === 'standing_order') return [standingOrdersKey()]
  return connectionDependentKeys()
}
