import { PAYEE_LIST_MAX, type PayeeSummary } from '@mhkit/shared'

import type { LedgerEntry, PaymentLedger, PaymentOwner } from './payment-ledger'

/** The payee an entry paid, when it names one by Moneyhub id. */
function payeeOf(entry: LedgerEntry): { id: string; name?: string } | undefined {
  const details = entry.details as { payeeId?: unknown; payeeName?: unknown; refundOf?: unknown }
  // A refund pays the original payer back: that is not a payee this person chose.
  if (details.refundOf !== undefined || typeof details.payeeId !== 'string') return undefined
  return {
    id: details.payeeId,
    ...(typeof details.payeeName === 'string' ? { name: details.payeeName } : {}),
  }
}

/**
 * The distinct payees of the payments, VRP consents and standing orders an owner (session or
 * user) started, most recently used first, read from the payment ledger alone: no upstream
 * call, and nothing another session or user started (the ledger's visibility rule).
 *
 * A payee is listed once it has a name in some entry: payees entered by bank details carry
 * theirs, and a payment to a listed payee by id inherits it. A payee only ever named by id
 * (registered by the host app, never entered here) has no name to show and is left out.
 *
 * @param ledger - the payment ledger
 * @param owner - who asks
 * @returns at most {@link PAYEE_LIST_MAX} payees
 */
export async function listPayees(
  ledger: PaymentLedger,
  owner: PaymentOwner,
): Promise<PayeeSummary[]> {
  const entries: LedgerEntry[] = [
    ...(await ledger.list(owner, 'payment')),
    ...(await ledger.list(owner, 'recurring_payment')),
    ...(await ledger.list(owner, 'standing_order')),
  ].sort((a, b) => b.createdAt - a.createdAt)
  const order: string[] = []
  const names = new Map<string, string | undefined>()
  for (const entry of entries) {
    const payee = payeeOf(entry)
    if (payee === undefined) continue
    if (!names.has(payee.id)) order.push(payee.id)
    names.set(payee.id, names.get(payee.id) ?? payee.name)
  }
  return order
    .flatMap((id) => {
      const name = names.get(id)
      return name === undefined ? [] : [{ id, name }]
    })
    .slice(0, PAYEE_LIST_MAX)
}

/**
 * The name of a payee the owner has paid before, for a new payment that names it by id only.
 *
 * @returns the name, or undefined for a payee this owner has not paid with a name
 */
export async function knownPayeeName(
  ledger: PaymentLedger,
  owner: PaymentOwner,
  payeeId: string,
): Promise<string | undefined> {
  return (await listPayees(ledger, owner)).find((payee) => payee.id === payeeId)?.name
}
