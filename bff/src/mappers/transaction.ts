import { transactionSchema, type Transaction } from '@mhkit/shared'

import { AppError } from '../errors'
import type { MhTransaction } from '../moneyhub'

/**
 * Maps a Moneyhub transaction (docs/moneyhub-protocol.md §9.4) onto the shared {@link Transaction}.
 *
 * @param mh - the upstream transaction
 * @param accountId - the account asked for, used when the upstream item names none
 * @throws AppError `invalid_upstream_response` when the transaction cannot be expressed
 */
export function toTransaction(mh: MhTransaction, accountId?: string): Transaction {
  const category =
    typeof mh.categoryId === 'string' && /^(std|cus):[A-Za-z0-9-]{1,64}$/.test(mh.categoryId)
      ? { category: { id: mh.categoryId } }
      : {}
  const candidate = {
    id: mh.id,
    accountId: mh.accountId ?? accountId,
    amount: { value: Math.round(mh.amount.value), currency: mh.amount.currency ?? 'GBP' },
    date: mh.date.slice(0, 10),
    description: (mh.longDescription ?? mh.shortDescription ?? '').slice(0, 500),
    ...category,
    status: mh.status === 'pending' ? 'pending' : 'posted',
  }
  const parsed = transactionSchema.safeParse(candidate)
  if (!parsed.success) {
    throw new AppError('invalid_upstream_response', { reason: 'transaction_shape' })
  }
  return parsed.data
}
