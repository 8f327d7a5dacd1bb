import { bankSchema, bankTypeSchema, type Bank } from '@mhkit/shared'

import type { MhBank } from '../moneyhub'

// Built once: zod compiles a schema on first use.
const typeOrApi = bankTypeSchema.catch('api')

function status(auth: string | undefined): Bank['status'] {
  if (auth === 'AVAILABLE' || auth === undefined) return 'available'
  if (auth === 'PARTIALLY_AVAILABLE') return 'partially_available'
  return 'unavailable'
}

/**
 * Maps one entry of a Moneyhub well-known bank list (docs/moneyhub-protocol.md §9.8) onto the
 * shared {@link Bank}, with its history limit (`monthsInitialConsent` / `daysInitialConsent`);
 * entries that cannot be expressed (odd ids, names) are dropped.
 *
 * @param mh - the upstream bank entry
 * @returns the bank, or undefined to drop it
 */
export function toBank(mh: MhBank): Bank | undefined {
  const candidate = {
    id: mh.id,
    name: mh.name,
    type: typeOrApi.parse(mh.type),
    ...(typeof mh.iconUrl === 'string' && mh.iconUrl.startsWith('https://')
      ? { iconUrl: mh.iconUrl }
      : {}),
    status: status(mh.status?.auth),
    payments: (mh.payments?.length ?? 0) > 0,
    ...(mh.monthsInitialConsent === undefined
      ? {}
      : { monthsInitialConsent: mh.monthsInitialConsent }),
    ...(mh.daysInitialConsent === undefined ? {} : { daysInitialConsent: mh.daysInitialConsent }),
  }
  const parsed = bankSchema.safeParse(candidate)
  return parsed.success ? parsed.data : undefined
}
