import type { LivePaymentStatus } from '@mhkit/shared'

import type { Store } from '../session/store'

/** Who started a payment this BFF knows, read from the payment ledger's record. */
export interface PaymentOwnerRecord {
  sessionHash: string
  sub?: string
}

/** How long the last webhook status of a payment is kept (as long as the ledger, 13 months). */
const STATUS_TTL_MS = 395 * 24 * 60 * 60 * 1000

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

/**
 * Records the status a payment webhook reported (`paywh:<id>`: `{ status, at }`), so the
 * payment record shows what Moneyhub last told us even before the next status read.
 */
export async function recordPaymentStatus(
  store: Store,
  paymentId: string,
  status: LivePaymentStatus,
  at: number,
): Promise<void> {
  await store.set(`paywh:${paymentId}`, JSON.stringify({ status, at }), STATUS_TTL_MS)
}

/** The last webhook status of a payment, if any. */
export async function lastPaymentStatus(
  store: Store,
  paymentId: string,
): Promise<{ status: LivePaymentStatus; at: number } | undefined> {
  const raw = await store.get(`paywh:${paymentId}`)
  if (raw === undefined) return undefined
  try {
    return JSON.parse(raw) as { status: LivePaymentStatus; at: number }
  } catch {
    return undefined
  }
}
