import { afterEach, describe, expect, it, vi } from 'vitest'

import { subscribeLiveEvents, type LiveEventsStatus } from './subscribe-live-events'

const encoder = new TextEncoder()

function frame(id: string, event: unknown): string {
  return `id: ${id}\nevent: mhkit\ndata: ${JSON.stringify({ id, at: '2026-12-06T10:00:00.000Z', event })}\n\n`
}

function streamOf(...parts: string[]): Response {
  return new Response(
    new ReadableStream({
      start(controller) {
        for (const part of parts) controller.enqueue(encoder.encode(part))
        controller.close()
      },
    }),
    { status: 200, headers: { 'content-type': 'text/event-stream' } },
  )
}

const ID1 = '1765015524000-aaa'
const ID2 = '1765015524001-bbb'
const changed = { type: 'transactions.changed', change: 'new', accountIds: ['acc-1'] }

afterEach(() => {
  vi.useRealTimers()
})

describe('subscribeLiveEvents', () => {
  it('sends the CSRF header with the session cookie, passes each event once, and resumes with Last-Event-ID', async () => {
    const calls: RequestInit[] = []
    const answers = [
      // Split across chunks, with a heartbeat and a frame of another name in between.
      () =>
        streamOf(
          'retry: 2000\n\n',
          frame(ID1, changed).slice(0, 20),
          frame(ID1, changed).slice(20),
          ': heartbeat\n\n',
          'event: ready\ndata: {}\n\n',
        ),
      () =>
        streamOf(
          frame(ID1, changed),
          frame(ID2, { type: 'connection.synced' }),
          'event: ready\ndata: {}\n\n',
        ),
    ]
    const fetchImpl = vi.fn((_url: RequestInfo | URL, init?: RequestInit) => {
      calls.push(init ?? {})
      const next = answers.shift()
      return Promise.resolve(next ? next() : new Response(null, { status: 401 }))
    })
    const events: unknown[] = []
    const statuses: LiveEventsStatus[] = []
    const done = new Promise<void>((resolve) => {
      subscribeLiveEvents({
        url: '/api/events',
        fetch: fetchImpl,
        initialDelayMs: 2,
        onEvent: (event) => events.push(event),
        onStatus: (status) => {
          statuses.push(status)
          if (status === 'closed') resolve()
        },
      })
    })
    await done
    expect(events).toEqual([changed, { type: 'connection.synced' }])
    expect(new Headers(calls[0]?.headers).get('X-CSRF')).toBe('1')
    expect(calls[0]?.credentials).toBe('same-origin')
    expect(new Headers(calls[0]?.headers).get('Last-Event-ID')).toBeNull()
    expect(new Headers(calls[1]?.headers).get('Last-Event-ID')).toBe(ID1)
    expect(new Headers(calls[2]?.headers).get('Last-Event-ID')).toBe(ID2)
    // A 401 (no session) ends the subscription instead of retrying forever.
    expect(fetchImpl).toHaveBeenCalledTimes(3)
    expect(statuses).toContain('open')
    expect(statuses).toContain('waiting')
  })

  it('backs off with growing delays while the BFF cannot be reached, and stops when closed', async () => {
    vi.useFakeTimers()
    vi.spyOn(Math, 'random').mockReturnValue(1)
    const fetchImpl = vi.fn(() => Promise.reject(new TypeError('offline')))
    const close = subscribeLiveEvents({
      url: '/api/events',
      fetch: fetchImpl,
      initialDelayMs: 100,
      maxDelayMs: 400,
      onEvent: () => undefined,
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(fetchImpl).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(100)
    expect(fetchImpl).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(199)
    expect(fetchImpl).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(fetchImpl).toHaveBeenCalledTimes(3)
    await vi.advanceTimersByTimeAsync(400)
    expect(fetchImpl).toHaveBeenCalledTimes(4)
    await vi.advanceTimersByTimeAsync(400)
    expect(fetchImpl).toHaveBeenCalledTimes(5)
    close()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(fetchImpl).toHaveBeenCalledTimes(5)
  })
})
