import type { LiveEvent, LiveEventFrame } from '@mhkit/shared'
import { useEffect, useState } from 'react'

import { useBffClient } from '../api/mhkit-context'
import { useLatest } from '../internal/use-latest'
import { subscribeLiveEvents, type LiveEventsStatus } from '../live/subscribe-live-events'

/** Options of {@link useMoneyhubEvents}. */
export interface MoneyhubEventsOptions {
  /** Called once per live event. */
  onEvent?: (event: LiveEvent, frame: LiveEventFrame) => void
  /** Subscribe only while true (default true), e.g. once the user is signed in. */
  enabled?: boolean
  /** `fetch` to use (default the global one). */
  fetch?: typeof fetch | undefined
}

/**
 * Subscribes to the BFF's live events (`GET /api/events`) while mounted and `enabled`:
 * reconnects with backoff and resumes with `Last-Event-ID`. Events name what changed
 * (transactions, connections, payments), never a token or a raw webhook.
 *
 * @param options - the event callback (kept fresh without resubscribing), `enabled`, `fetch`
 * @returns the subscription's status: `connecting`, `open`, `waiting` (to reconnect) or `closed`
 * @see docs/webhooks.md
 */
export function useMoneyhubEvents(options: MoneyhubEventsOptions = {}): LiveEventsStatus {
  const client = useBffClient()
  const onEvent = useLatest(options.onEvent)
  const [status, setStatus] = useState<LiveEventsStatus>('closed')
  const enabled = options.enabled ?? true
  const doFetch = options.fetch
  useEffect(() => {
    if (!enabled) return undefined
    return subscribeLiveEvents({
      url: client.url('/events'),
      onEvent: (event, frame) => onEvent.current?.(event, frame),
      onStatus: setStatus,
      fetch: doFetch,
    })
  }, [client, enabled, doFetch, onEvent])
  return status
}
