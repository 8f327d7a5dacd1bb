import type { LiveEvent } from '@mhkit/shared'
import { useQueryClient } from '@tanstack/react-query'
import type { ReactElement } from 'react'

import { useMoneyhubEvents } from '../hooks/use-moneyhub-events'
import { useSession } from '../hooks/use-session'
import type { ConsentReminder } from '../hooks/use-consent-reminders'
import { consentRemindersKey, liveEventKeys } from './live-event-keys'

/**
 * A live-updates plug-in for {@link MhkitProvider}'s `liveUpdates` prop: an element the provider
 * renders inside itself, which subscribes and invalidates and renders nothing. (An element, so
 * the provider only places it and apps without live updates carry no code for them.)
 */
export type LiveUpdates = ReactElement

/** Options of {@link moneyhubLiveUpdates}. */
export interface LiveUpdatesOptions {
  /** Called after each event has been applied to the query cache. */
  onEvent?: (event: LiveEvent) => void
  /** `fetch` to use for the stream (default the global one). */
  fetch?: typeof fetch
}

/**
 * Live updates for the kit's queries: while a user is signed in, subscribes to the BFF's live
 * events and invalidates what each one made stale (transactions, accounts, connections, a
 * payment and the payment list), so lists refresh by themselves and a payment's status page
 * reads its final status at once; a consent reminder is kept for {@link useConsentReminders}
 * and {@link RenewConsentPrompt}. A separate export, so apps that never pass it do not bundle it.
 *
 * @example
 * ```tsx
 * <MhkitProvider liveUpdates={moneyhubLiveUpdates()}>…</MhkitProvider>
 * ```
 * @param options - an event callback and `fetch`
 * @returns the plug-in
 */
export function moneyhubLiveUpdates(options: LiveUpdatesOptions = {}): LiveUpdates {
  function Updater() {
    const queryClient = useQueryClient()
    const session = useSession()
    useMoneyhubEvents({
      enabled: session.data?.authenticated === true,
      fetch: options.fetch,
      onEvent: (event) => {
        for (const queryKey of liveEventKeys(event))
          void queryClient.invalidateQueries({ queryKey })
        if (event.type === 'connection.reminder') {
          queryClient.setQueryData<ConsentReminder[]>(consentRemindersKey, (old = []) => [
            ...old.filter((r) => r.connectionId !== event.connectionId),
            event,
          ])
        }
        options.onEvent?.(event)
      },
    })
    return null
  }
  return <Updater />
}
