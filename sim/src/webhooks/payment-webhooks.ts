import type { SimState } from '../state'
import { settleIfDue } from '../rest/payment-settlement'

import type { WebhookSender } from './webhook-sender'

/** Moneyhub's payment webhook for a payment status; undefined while nothing is decided. */
function eventFor(status: string): string | undefined {
  if (status === 'completed') return 'paymentCompleted'
  if (status === 'pending') return 'paymentPending'
  if (status === 'rejected' || status.startsWith('error')) return 'paymentError'
  return undefined
}

/**
 * Watches single payments and sends `paymentPending` / `paymentCompleted` / `paymentError`
 * when a payment's status changes: at submission (code exchange) and when the bank settles it
 * on the simulator clock. `sweep` settles due payments and sends what changed; the simulator
 * calls it after a code exchange, after the clock moves, and once a second.
 *
 * @param state - the simulator's payments
 * @param sender - the webhook sender
 * @param now - the simulator clock
 */
export function createPaymentWebhooks(state: SimState, sender: WebhookSender, now: () => Date) {
  const notified = new Map<string, string>()
  let running: Promise<void> | undefined
  const sweep = async (): Promise<void> => {
    for (const payment of state.payments.values()) {
      settleIfDue(payment, now())
      const eventType = eventFor(payment.status)
      if (eventType === undefined || notified.get(payment.id) === payment.status) continue
      notified.set(payment.id, payment.status)
      await sender.emit({
        clientId: payment.clientId,
        // A payment without a Moneyhub user (an anonymous payer) still names one in `sub`.
        userId: payment.userId ?? payment.payerId ?? 'anonymous-payer',
        eventType,
        payload: {
          paymentId: payment.id,
          status: payment.status,
          ...(payment.paymentSubmissionId === null
            ? {}
            : { paymentSubmissionId: payment.paymentSubmissionId }),
          ...(payment.exchangedAt === undefined ? {} : { submittedAt: payment.exchangedAt }),
        },
      })
    }
  }
  return {
    /** Settles due payments and sends each status change once; calls never overlap. */
    sweep(): Promise<void> {
      // A failed send is kept in the deliveries list; the sweep itself never rejects.
      running ??= sweep()
        .catch(() => undefined)
        .finally(() => {
          running = undefined
        })
      return running
    },
  }
}
