import { MhkitProvider, moneyhubLiveUpdates } from '@mhkit/react'
import { useMemo, type ReactNode } from 'react'
import { useEventLog } from './event-log'

/**
 * The kit's provider with live updates on: lists and a payment's status refresh by themselves
 * on Moneyhub's webhooks (pushed by the BFF), and each event is shown in the event log as
 * `live:<type>`, so a person (and the journeys) can see that a change arrived by webhook.
 */
export function KitProvider({ children }: { readonly children: ReactNode }) {
  const { record } = useEventLog()
  const liveUpdates = useMemo(
    () => moneyhubLiveUpdates({ onEvent: (event) => record(`live:${event.type}`) }),
    [record],
  )
  return (
    <MhkitProvider basePath="/api" liveUpdates={liveUpdates}>
      {children}
    </MhkitProvider>
  )
}
