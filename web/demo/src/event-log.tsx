import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { useRememberedOpen } from './use-remembered-open'

const OPEN_KEY = 'mhkit-demo-devpanel'

/** One line of the demo's visible event log. */
export interface DemoEvent {
  readonly id: number
  readonly at: string
  readonly kind: string
  readonly detail: string
}

/** What {@link useEventLog} gives a screen. */
export interface EventLog {
  readonly events: readonly DemoEvent[]
  /** How many times a connect flow reported success; the StrictMode journey expects exactly 1. */
  readonly successCount: number
  readonly record: (kind: string, detail?: string) => void
}

const EventLogContext = createContext<EventLog | null>(null)

/** Keeps the visible event log (newest first) for the whole app. */
export function EventLogProvider({ children }: { readonly children: ReactNode }) {
  const [events, setEvents] = useState<readonly DemoEvent[]>([])
  const record = useCallback((kind: string, detail = '') => {
    setEvents((previous) => {
      const next: DemoEvent = {
        id: (previous[0]?.id ?? 0) + 1,
        at: new Date().toLocaleTimeString(),
        kind,
        detail,
      }
      return [next, ...previous].slice(0, 50)
    })
  }, [])
  const value = useMemo<EventLog>(
    () => ({
      events,
      successCount: events.filter((event) => event.kind === 'connect:success').length,
      record,
    }),
    [events, record],
  )
  return <EventLogContext.Provider value={value}>{children}</EventLogContext.Provider>
}

/**
 * The app-wide event log.
 *
 * @throws Error when used outside {@link EventLogProvider}
 */
export function useEventLog(): EventLog {
  const log = useContext(EventLogContext)
  if (log === null) throw new Error('useEventLog must be used inside <EventLogProvider>')
  return log
}

/**
 * The developer panel: a labelled, collapsible strip under the app with the `onSuccess`
 * counter (always visible: the journeys and a developer read it at a glance) and the latest
 * events. Closed by default on phones; it remembers the person's choice.
 */
export function EventLogPanel() {
  const { events, successCount } = useEventLog()
  const { open, toggle } = useRememberedOpen(OPEN_KEY)
  return (
    <section className="demo-devpanel" aria-labelledby="events-heading">
      <div className="demo-devpanel__bar">
        <h2 id="events-heading" className="demo-devpanel__title">
          <button
            type="button"
            className="demo-devpanel__toggle"
            aria-expanded={open}
            aria-controls="demo-event-log"
            onClick={toggle}
          >
            Developer panel<span className="demo-devpanel__hint"> · event log</span>
          </button>
        </h2>
        <p className="demo-devpanel__count">
          onSuccess calls: <output aria-label="onSuccess calls">{successCount}</output>
        </p>
      </div>
      <div id="demo-event-log" className="demo-devpanel__body" hidden={!open}>
        <p className="demo-muted">
          Developer tooling, not part of the product: what the kit&rsquo;s hooks reported, newest
          first.
        </p>
        {events.length === 0 ? (
          <p className="demo-muted">No events yet.</p>
        ) : (
          <ol className="demo-event-list" aria-label="Events" tabIndex={0}>
            {events.map((event) => (
              <li key={event.id}>
                <time>{event.at}</time> <strong>{event.kind}</strong> {event.detail}
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  )
}
