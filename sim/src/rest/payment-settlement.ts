import type { BankOutcome } from '../bank-outcomes'
import type { PendingSettlement } from '../state'

/** The status fields of a payment the bank has, or has not yet, settled. */
export interface SettlementFields {
  status: string
  providerStatus: string | null
  /** Set while the payment is pending: when, on the simulator clock, and how it ends. */
  settlement?: PendingSettlement
  finalisedAt?: string
}

/**
 * Moneyhub `status` and the bank's `providerStatus` of a final outcome
 * (docs/moneyhub-protocol.md §9.7).
 */
const FINAL: Record<BankOutcome['outcome'], { status: string; providerStatus: string }> = {
  completed: { status: 'completed', providerStatus: 'AcceptedSettlementCompleted' },
  rejected: { status: 'rejected', providerStatus: 'Rejected' },
  insufficient_funds: { status: 'rejected', providerStatus: 'Rejected' },
}

/**
 * The status of a payment just submitted to the bank: final at once, or `pending`
 * (`AcceptedSettlementInProcess`) until `settleAfterSeconds` have passed on the simulator clock.
 *
 * @param outcome - What the bank does with it.
 * @param now - The simulator clock's time.
 * @returns The fields to set on the payment.
 */
export function submitToBank(
  outcome: BankOutcome,
  now: Date,
): SettlementFields & { providerStatus: string } {
  if (outcome.settleAfterSeconds === 0)
    return { ...FINAL[outcome.outcome], finalisedAt: now.toISOString() }
  return {
    status: 'pending',
    providerStatus: 'AcceptedSettlementInProcess',
    settlement: {
      at: new Date(now.getTime() + outcome.settleAfterSeconds * 1000).toISOString(),
      outcome: outcome.outcome,
    },
  }
}

/**
 * Move a pending payment to its final status once its time has come. Status is computed when
 * read, so advancing the simulator clock is enough to settle payments.
 *
 * @param payment - A payment or VRP payment; changed in place.
 * @param now - The simulator clock's time.
 * @returns Nothing; `finalisedAt` is the settlement time, not the time of the read.
 */
export function settleIfDue(payment: SettlementFields, now: Date): void {
  const due = payment.settlement
  if (!due || Date.parse(due.at) > now.getTime()) return
  Object.assign(payment, FINAL[due.outcome], { finalisedAt: due.at })
  delete payment.settlement
}
