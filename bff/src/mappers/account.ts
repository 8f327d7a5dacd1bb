import {
  accountHolderTypeSchema,
  accountKindSchema,
  accountSchema,
  type Account,
} from '@mhkit/shared'

import { AppError } from '../errors'
import type { MhAccount } from '../moneyhub'

// Built once: zod compiles a schema on first use, so per-call `.catch()` would recompile.
const kindOrAsset = accountKindSchema.catch('asset')
const holderOrPersonal = accountHolderTypeSchema.catch('personal')

function isoDate(value: unknown, fallback: string): string {
  if (typeof value !== 'string') return fallback
  const date = value.slice(0, 10)
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : fallback
}

function digits(value: unknown): string | undefined {
  return typeof value === 'string' ? value.replace(/[\s-]/g, '') : undefined
}

/**
 * Maps a Moneyhub account (docs/moneyhub-protocol.md §9.3) onto the shared {@link Account}: integer
 * minor units, masked identifiers (sort code and last four digits only). The result is checked
 * against the shared schema.
 *
 * @param mh - the upstream account, already shape-checked by the Moneyhub client
 * @param today - fallback balance date (`YYYY-MM-DD`)
 * @throws AppError `invalid_upstream_response` when the account cannot be expressed
 */
export function toAccount(mh: MhAccount, today: string): Account {
  const currency = mh.currency ?? mh.balance?.amount.currency ?? 'GBP'
  const sortCode = digits(mh.details?.sortCode)
  const accountNumber = digits(mh.details?.accountNumber)
  const details = {
    ...(sortCode !== undefined && /^\d{6}$/.test(sortCode) ? { sortCode } : {}),
    ...(accountNumber !== undefined && /^\d{8}$/.test(accountNumber)
      ? { accountNumberLast4: accountNumber.slice(-4) }
      : {}),
  }
  const candidate = {
    id: mh.id,
    name: mh.accountName ?? 'Account',
    type: kindOrAsset.parse(mh.type),
    accountType: holderOrPersonal.parse(mh.accountType),
    currency,
    balance: {
      amount: { value: Math.round(mh.balance?.amount.value ?? 0), currency },
      date: isoDate(mh.balance?.date ?? mh.dateModified, today),
    },
    providerName: mh.providerName ?? 'Unknown provider',
    connectionId: mh.connectionId,
    ...(Object.keys(details).length > 0 ? { details } : {}),
  }
  const parsed = accountSchema.safeParse(candidate)
  if (!parsed.success) throw new AppError('invalid_upstream_response', { reason: 'account_shape' })
  return parsed.data
}
