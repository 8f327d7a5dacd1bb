import type { BankListKind, FlowResponse, TransactionFilters } from '../api/contract'

const all = ['mhkit'] as const

/**
 * Query key factory for everything the kit caches. Every key starts with `['mhkit']`, so an app
 * can invalidate or remove all of the kit's data at once (`mhkitKeys.all`), and each resource
 * has a prefix that covers its variants (`mhkitKeys.transactions()` covers every filter).
 */
export const mhkitKeys = {
  all,
  session: () => [...all, 'session'] as const,
  banks: (kind?: BankListKind) =>
    kind === undefined ? ([...all, 'banks'] as const) : ([...all, 'banks', kind] as const),
  accounts: () => [...all, 'accounts'] as const,
  account: (accountId: string) => [...all, 'accounts', accountId] as const,
  transactions: () => [...all, 'transactions'] as const,
  transactionList: (filters: TransactionFilters) => [...all, 'transactions', filters] as const,
  connections: () => [...all, 'connections'] as const,
  flow: (flowId: string) => [...all, 'flows', flowId] as const,
  payments: () => [...all, 'payments'] as const,
  payment: (paymentId: string) => [...all, 'payments', paymentId] as const,
  payees: () => [...all, 'payees'] as const,
  recurringPayments: () => [...all, 'recurring-payments'] as const,
  recurringPayment: (id: string) => [...all, 'recurring-payments', id] as const,
  standingOrders: () => [...all, 'standing-orders'] as const,
  standingOrder: (id: string) => [...all, 'standing-orders', id] as const,
}

/** Keys whose data changes when a bank is connected, reconnected or disconnected. */
export function connectionDependentKeys() {
  return [
    mhkitKeys.session(),
    mhkitKeys.accounts(),
    mhkitKeys.transactions(),
    mhkitKeys.connections(),
  ] as const
}

/** Keys whose data a settled flow of `kind` changed: the connection's data, or its payments. */
export function keysAfterFlow(kind: FlowResponse['kind']): ReadonlyArray<readonly string[]> {
  if (kind === 'payment') return [mhkitKeys.payments()]
  if (kind === 'recurring_payment') return [mhkitKeys.recurringPayments()]
  if (kind === 'standing_order') return [mhkitKeys.standingOrders()]
  return connectionDependentKeys()
}
