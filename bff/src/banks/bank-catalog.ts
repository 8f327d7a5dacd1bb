import type { Bank } from '@mhkit/shared'

import type { Clock } from '../clock'
import { toBank } from '../mappers/bank'
import type { BankListKind, MoneyhubClient } from '../moneyhub'
import { bankIconPath } from './bank-icon-path'

/** Which provider lists make up each kind of bank list the browser can ask for. */
export interface BankListSources {
  ais: BankListKind[]
  payments: BankListKind[]
}

/** The bank lists for the BankPicker, fetched from Moneyhub's well-known lists and cached. */
export interface BankCatalog {
  list(kind: 'ais' | 'payments'): Promise<Bank[]>
  /**
   * Where Moneyhub serves a listed bank's logo: the upstream `iconUrl` (`null` when the bank
   * has none), or `undefined` when no list has the bank.
   */
  iconSource(bankId: string): Promise<string | null | undefined>
}

/**
 * Creates a {@link BankCatalog}: each kind is fetched once per `ttlMs` (single-flight, so a
 * burst of page loads costs one upstream call), merged, de-duplicated and sorted by name. A
 * failed refresh keeps serving the previous list when there is one.
 *
 * @param deps.moneyhub - `listBanks(kind)`
 * @param deps.clock - time source
 * @param deps.ttlMs - cache lifetime (default 1 hour)
 * @param deps.sources - lists per kind (default ais: api + test, payments: payments)
 * @throws the Moneyhub client's error when there is nothing cached to fall back to
 */
export function createBankCatalog(deps: {
  moneyhub: Pick<MoneyhubClient, 'listBanks'>
  clock: Clock
  ttlMs?: number
  sources?: BankListSources
}): BankCatalog {
  const ttl = deps.ttlMs ?? 60 * 60 * 1000
  const sources = deps.sources ?? { ais: ['api', 'test'], payments: ['payments'] }
  const cache = new Map<string, { at: number; banks: Bank[] }>()
  const inflight = new Map<string, Promise<Bank[]>>()
  // Upstream logo URLs by bank id, kept server-side: the browser only ever sees the BFF's
  // same-origin icon path, so the app's CSP can stay `img-src 'self'`.
  const icons = new Map<string, string>()

  async function fetchKind(kind: 'ais' | 'payments'): Promise<Bank[]> {
    const lists = await Promise.all(sources[kind].map((k) => deps.moneyhub.listBanks(k)))
    const byId = new Map<string, Bank>()
    for (const mh of lists.flat()) {
      const bank = toBank(mh)
      if (bank === undefined || byId.has(bank.id)) continue
      delete bank.iconUrl
      if (typeof mh.iconUrl === 'string' && mh.iconUrl.length > 0) {
        icons.set(bank.id, mh.iconUrl)
        bank.iconUrl = bankIconPath(bank.id)
      }
      byId.set(bank.id, bank)
    }
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name))
  }

  const catalog: BankCatalog = {
    async iconSource(bankId) {
      for (const kind of ['ais', 'payments'] as const) {
        const banks = await catalog.list(kind)
        if (banks.some((bank) => bank.id === bankId)) return icons.get(bankId) ?? null
      }
      return undefined
    },
    list(kind) {
      const cached = cache.get(kind)
      if (cached !== undefined && deps.clock.now() - cached.at < ttl) {
        return Promise.resolve(cached.banks)
      }
      let pending = inflight.get(kind)
      if (pending === undefined) {
        pending = fetchKind(kind)
          .then((banks) => {
            cache.set(kind, { at: deps.clock.now(), banks })
            return banks
          })
          .catch((error: unknown) => {
            if (cached !== undefined) return cached.banks
            throw error
          })
          .finally(() => inflight.delete(kind))
        inflight.set(kind, pending)
      }
      return pending
    },
  }
  return catalog
}
