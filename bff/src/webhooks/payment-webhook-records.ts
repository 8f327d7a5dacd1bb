import type { Store } from '../session/store'

/** Who started a payment this BFF knows, read from the payment ledger's record. */
export interface PaymentOwnerRecord {
  sessionHash: string
  sub?: string
}

/**
 * The owner of a payment from the ledger's `payres:payment:<id>` record
 * (`payments/payment-ledger.ts`); undefined for a payment this BFF did not start.
 *
 * @param store - the BFF's store
 * @param paymentId - Moneyhub's payment id
 */
export async function paymentOwner(
  store: Store,
  paymentId: string,
): Promise<PaymentOwnerRecord | undefined> {
  const raw = await store.get(`payres:payment:${paymentId}`)
  if (raw === undefined) return undefined
  try {
    const entry = JSON.parse(raw) as { sessionHash?: unknown; sub?: unknown }
    if (typeof entry.sessionHash !== 'string') return undefined
    return {
      sessionHash: entry.sessionHash,
      ...(typeof entry.sub === 'string' ? { sub: entry.sub } : {}),
    }
  } catch {
    return undefined
  }
}
