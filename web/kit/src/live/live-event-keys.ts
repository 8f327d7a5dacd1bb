import type { LiveEvent } from '@mhkit/shared'

import { mhkitKeys } from '../query-options/mhkit-keys'

/**
 * The query keys a live event makes stale: transactions (and the balances in accounts) on
 * transaction events, the connection's data after a sync, connections on a reminder, the
 * payment and the payment list on a payment event. Unknown types (a newer BFF) touch nothing.
 *
 * @param event - one live event
 */
export function liveEventKeys(event: LiveEvent): ReadonlyArray<readonly string[]> {
  switch (event.type) {
    case 'transactions.changed':
    case 'account.deleted':
      return [mhkitKeys.transactions(), mhkitKeys.accounts()]
    case 'connection.synced':
      return [mhkitKeys.connections(), mhkitKeys.accounts(), mhkitKeys.transactions()]
    case 'connection.reminder':
      return [mhkitKeys.connections()]
    case 'payment.status':
      return [mhkitKeys.payment(event.paymentId), mhkitKeys.payments()]
    default:
      return []
  }
}

/** Where live consent reminders are kept in the app's QueryClient. */
export const consentRemindersKey = [...mhkitKeys.all, 'live', 'consent-reminders'] as const
