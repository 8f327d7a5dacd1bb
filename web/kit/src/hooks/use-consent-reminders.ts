import type { LiveEvent } from '@mhkit/shared'
import { useQuery, useQueryClient } from '@tanstack/react-query'

import { consentRemindersKey } from '../live/live-event-keys'

/** A consent reminder live updates received: the connection needs the user to renew. */
export type ConsentReminder = Extract<LiveEvent, { type: 'connection.reminder' }>

/**
 * The consent reminders received through live updates (`moneyhubLiveUpdates()`), newest last,
 * and a way to dismiss one. Empty without live updates.
 *
 * @returns `reminders` and `dismiss(connectionId)`
 */
export function useConsentReminders() {
  const queryClient = useQueryClient()
  const { data } = useQuery<ConsentReminder[]>({
    queryKey: consentRemindersKey,
    queryFn: () => queryClient.getQueryData<ConsentReminder[]>(consentRemindersKey) ?? [],
    initialData: [],
    staleTime: Infinity,
  })
  const dismiss = (connectionId: string) => {
    queryClient.setQueryData<ConsentReminder[]>(consentRemindersKey, (old = []) =>
      old.filter((r) => r.connectionId !== connectionId),
    )
  }
  return { reminders: data, dismiss }
}
