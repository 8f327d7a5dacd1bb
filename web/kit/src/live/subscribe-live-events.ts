import type { LiveEvent, LiveEventFrame } from '@mhkit/shared'

/** Where a live-event subscription is. */
export type LiveEventsStatus = 'connecting' | 'open' | 'waiting' | 'closed'

/** Options of {@link subscribeLiveEvents}. */
export interface LiveEventsOptions {
  /** The stream's URL, e.g. `/api/events`. */
  url: string
  /** Called once per event (a frame seen twice, e.g. after a resume, is passed on once). */
  onEvent: (event: LiveEvent, frame: LiveEventFrame) => void
  onStatus?: (status: LiveEventsStatus) => void
  /** `fetch` to use (default the global one). */
  fetch?: typeof fetch | undefined
  /** First reconnect delay in ms (default 1000); doubles per failure up to `maxDelayMs`. */
  initialDelayMs?: number
  /** Longest reconnect delay in ms (default 30000). */
  maxDelayMs?: number
}

const FRAME_ID = /^[0-9]{13}-[A-Za-z0-9_-]{1,32}$/

/** The frame in an SSE block, when it is an `mhkit` event with a plausible id and type. */
function frameOf(block: string): LiveEventFrame | undefined {
  let name = 'message'
  let data = ''
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim()
    else if (line.startsWith('data:')) data += line.slice(5).trimStart()
  }
  if (name !== 'mhkit') return undefined
  try {
    const frame = JSON.parse(data) as LiveEventFrame
    // The BFF validated the frame; a newer BFF's unknown types are ignored by the caller.
    return FRAME_ID.test(frame.id) && typeof frame.event?.type === 'string' ? frame : undefined
  } catch {
    return undefined
  }
}

/**
 * Subscribes to the BFF's live events (`GET /api/events`, Server-Sent Events) with `fetch`
 * streaming, so the `X-CSRF` header and the session cookie go with it (an `EventSource` can send
 * neither header). Reconnects after a drop with doubling, jittered delays, sending
 * `Last-Event-ID` so the BFF replays what was missed; stops for good on 401/403 (no session).
 *
 * @param options - URL, event callback, status callback, `fetch`, backoff
 * @returns a function that closes the subscription
 */
export function subscribeLiveEvents(options: LiveEventsOptions): () => void {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis)
  const initial = options.initialDelayMs ?? 1000
  const max = options.maxDelayMs ?? 30_000
  const controller = new AbortController()
  let lastId: string | undefined
  let failures = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const status = (s: LiveEventsStatus) => options.onStatus?.(s)

  const connect = async (): Promise<void> => {
    status('connecting')
    const headers: Record<string, string> = { 'X-CSRF': '1', Accept: 'text/event-stream' }
    if (lastId !== undefined) headers['Last-Event-ID'] = lastId
    try {
      const response = await doFetch(options.url, {
        headers,
        credentials: 'same-origin',
        signal: controller.signal,
      })
      if (response.status === 401 || response.status === 403) {
        status('closed')
        return
      }
      if (!response.ok || response.body === null) throw new Error(String(response.status))
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
      let buffer = ''
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        buffer += value.replace(/\r\n?/g, '\n')
        let end = buffer.indexOf('\n\n')
        while (end >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          if (/^event: ?ready$/m.test(block)) {
            failures = 0
            status('open')
          }
          const frame = frameOf(block)
          // Ids sort by time: one at or before the last seen is a resume's repeat.
          if (frame !== undefined && (lastId === undefined || frame.id > lastId)) {
            lastId = frame.id
            options.onEvent(frame.event, frame)
          }
          end = buffer.indexOf('\n\n')
        }
      }
    } catch {
      if (controller.signal.aborted) return
    }
    if (controller.signal.aborted) return
    // The stream ended (the BFF closes it periodically) or failed: come back with backoff.
    const delay = Math.min(max, initial * 2 ** failures)
    failures += 1
    status('waiting')
    timer = setTimeout(() => void connect(), delay / 2 + (Math.random() * delay) / 2)
  }
  void connect()
  return () => {
    controller.abort()
    if (timer !== undefined) clearTimeout(timer)
    status('closed')
  }
}
