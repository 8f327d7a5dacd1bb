import type { LiveEvent } from '@mhkit/shared'

import type { Clock } from '../clock'
import type { EventAudience, LiveEvents } from '../events/live-events'
import type { Store } from '../session/store'

import { paymentOwner } from './payment-webhook-records'

/** What applying an event needs. */
export interface ApplyDeps {
  store: Store
  liveEvents: LiveEvents
  clock: Clock
}

/**
 * Whom an event is for. Payment events go to whoever started the payment (its session, and
 * its user when one was signed in), from the payment ledger; the rest to the webhook's user
 * when that user opened a live stream here.
 *
 * @returns the audience, or undefined when the event concerns no one this BFF knows
 */
export async function eventAudience(
  deps: ApplyDeps,
  userId: string,
  event: LiveEvent,
): Promise<EventAudience | undefined> {
  if (event.type === 'payment.status') {
    const owner = await paymentOwner(deps.store, event.paymentId)
    // The ledger says who may see the payment (as GET /api/payments/:id does), not the token.
    if (owner !== undefined) {
      return {
        sessionHash: owner.sessionHash,
        ...(owner.sub === undefined ? {} : { sub: owner.sub }),
      }
    }
  }
  return (await deps.liveEvents.knowsUser(userId)) ? { sub: userId } : undefined
}

/**
 * Applies one verified event: it is kept in its audience's backlog and pushed to their open
 * streams, whose pages then refetch what went stale (a payment's status is read from Moneyhub
 * again, the one source of truth) (the BFF caches no account or transaction data itself, so the browser's query
 * cache is what is invalidated).
 *
 * @param deps - store, live events, clock
 * @param audience - from {@link eventAudience}
 * @param event - the mapped event
 */
export async function applyEvent(
  deps: ApplyDeps,
  audience: EventAudience,
  event: LiveEvent,
): Promise<void> {
  await deps.liveEvents.publish(audience, event)
}
