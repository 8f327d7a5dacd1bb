import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it } from 'vitest'
import { EventLogPanel, EventLogProvider, useEventLog, type EventLog } from './event-log'

globalThis.IS_REACT_ACT_ENVIRONMENT = true

describe('EventLogProvider', () => {
  it('counts only connect successes and lists events newest first', () => {
    let log: EventLog | undefined
    function Probe() {
      log = useEventLog()
      return null
    }
    const container = document.createElement('div')
    const root = createRoot(container)
    act(() =>
      root.render(
        <EventLogProvider>
          <Probe />
          <EventLogPanel />
        </EventLogProvider>,
      ),
    )
    act(() => {
      log?.record('connect:started', 'redirect')
      log?.record('connect:success', 'ais')
      log?.record('disconnect', 'Northwind Bank')
    })
    expect(log?.successCount).toBe(1)
    expect(log?.events.map((event) => event.kind)).toEqual([
      'disconnect',
      'connect:success',
      'connect:started',
    ])
    expect(container.querySelector('output')?.textContent).toBe('1')
    expect(container.querySelectorAll('li')).toHaveLength(3)
    act(() => root.unmount())
  })

  it('refuses to be used outside its provider', () => {
    function Orphan() {
      useEventLog()
      return null
    }
    const root = createRoot(document.createElement('div'))
    const original = console.error
    console.error = () => undefined
    try {
      expect(() => act(() => root.render(<Orphan />))).toThrow(/EventLogProvider/)
    } finally {
      console.error = original
    }
  })
})
