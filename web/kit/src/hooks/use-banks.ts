import { useQuery } from '@tanstack/react-query'
import type { BankListKind } from '../api/contract'
import { useBffClient } from '../api/mhkit-context'
import { banksQueryOptions } from '../query-options/banks-query'

/**
 * The banks a user can connect (`kind: 'ais'`, default) or pay from (`kind: 'payments'`).
 *
 * @param kind - which list
 * @returns the React Query result; `data.data` is the bank list; `error` is a `BffError`
 * @see moneyhub-protocol.md §9.8
 */
export function useBanks(kind: BankListKind = 'ais') {
  return useQuery(banksQueryOptions(useBffClient(), kind))
}
