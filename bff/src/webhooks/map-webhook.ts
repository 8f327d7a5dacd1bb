/**
 * Maps a Moneyhub webhook onto the browser's live-event vocabulary (`@mhkit/shared`
 * `liveEventSchema`). Only ids the browser may hold travel (account, connection and payment
 * ids); amounts, references and transaction ids stay out. Payload shapes per Moneyhub's event
 * pages (docs/webhooks.md "Event mapping").
 */
import { LIVE_EVENT_ACCOUNTS_MAX, liveEventSchema, type LiveEvent } from '@mhkit/shared'
import { z } from 'zod'

import type { MoneyhubWebhook } from './moneyhub-webhook'

const TRANSACTION_EVENTS = {
  newTransactions: 'new',
  updatedTransactions: 'updated',
  deletedTransactions: 'deleted',
  restoredTransactions: 'restored',
} as const

const PAYMENT_EVENTS = {
  paymentCompleted: 'completed',
  paymentPending: 'pending',
  paymentError: 'error',
} as const

const transactionsPayload = z.object({
  accounts: z.array(z.object({ id: z.string() })).max(10_000),
})
const accountPayload = z.object({ accountId: z.string() })
const connectionPayload = z.object({ connectionId: z.string().optional() }).optional()
const reminderPayload = z.object({ connectionId: z.string(), bankName: z.string().optional() })
const paymentPayload = z.object({ paymentId: z.string() })

/** Whether a type is one this BFF turns into a live event (the rest are acknowledged only). */
function isMappedEventType(eventType: string): boolean {
  return (
    eventType in TRANSACTION_EVENTS ||
    eventType in PAYMENT_EVENTS ||
    eventType === 'deletedAccount' ||
    eventType === 'syncCompleted' ||
    eventType === 'postConnectionEnrichmentCompleted' ||
    eventType === 'reauthReminder' ||
    eventType === 'refreshReminder'
  )
}

function candidate(webhook: MoneyhubWebhook): unknown {
  const { eventType, payload } = webhook
  if (eventType in TRANSACTION_EVENTS) {
    const p = transactionsPayload.safeParse(payload)
    if (!p.success) return undefined
    const ids = [...new Set(p.data.accounts.map((a) => a.id))]
    return {
      type: 'transactions.changed',
      change: TRANSACTION_EVENTS[eventType as keyof typeof TRANSACTION_EVENTS],
      accountIds: ids.slice(0, LIVE_EVENT_ACCOUNTS_MAX),
    }
  }
  if (eventType in PAYMENT_EVENTS) {
    const p = paymentPayload.safeParse(payload)
    if (!p.success) return undefined
    const status = PAYMENT_EVENTS[eventType as keyof typeof PAYMENT_EVENTS]
    return {
      type: 'payment.status',
      paymentId: p.data.paymentId,
      status,
      final: status !== 'pending',
    }
  }
  switch (eventType) {
    case 'deletedAccount': {
      const p = accountPayload.safeParse(payload)
      return p.success ? { type: 'account.deleted', accountId: p.data.accountId } : undefined
    }
    case 'syncCompleted':
    case 'postConnectionEnrichmentCompleted': {
      const p = connectionPayload.safeParse(payload)
      if (!p.success) return undefined
      const connectionId = p.data?.connectionId
      return { type: 'connection.synced', ...(connectionId === undefined ? {} : { connectionId }) }
    }
    case 'reauthReminder':
    case 'refreshReminder': {
      const p = reminderPayload.safeParse(payload)
      if (!p.success) return undefined
      return {
        type: 'connection.reminder',
        reason: eventType === 'reauthReminder' ? 'reauth' : 'refresh',
        connectionId: p.data.connectionId,
        ...(p.data.bankName === undefined ? {} : { bankName: p.data.bankName }),
      }
    }
    default:
      return undefined
  }
}

/**
 * The live event for a webhook.
 *
 * @param webhook - one normalised webhook
 * @returns `{ event }` for a mapped type with a valid payload; `{ ignored: true }` for a type the
 *   browser has no use for (affordability, balance threshold, ...); `{ malformed: true }` for a
 *   mapped type whose payload does not fit
 */
export function mapWebhook(
  webhook: MoneyhubWebhook,
): { event: LiveEvent } | { ignored: true } | { malformed: true } {
  if (!isMappedEventType(webhook.eventType)) return { ignored: true }
  const parsed = liveEventSchema.safeParse(candidate(webhook))
  return parsed.success ? { event: parsed.data } : { malformed: true }
}
