import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'

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

/** The log panel: a counter of connect successes and the latest events. */
export function EventLogPanel() {
  const { events, successCount } = useEventLog()
  return (
    <section className="demo-panel demo-events" aria-labelledby="events-heading">
      <h2 id="events-heading">Event log</h2>
      <p>
        onSuccess calls: <output aria-label="onSuccess calls">{successCount}</output>
      </p>
      {events.length === 0 ? (
        <p className="demo-muted">No events yet.</p>
      ) : (
        <ol className="demo-event-list" aria-label="Events">
          {events.map((event) => (
            <li key={event.id}>
              <time>{event.at}</time> <strong>{event.kind}</strong> {event.detail}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
