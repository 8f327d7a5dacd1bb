import { serve } from '@hono/node-server'
import { parseLiveEventFrame, type LiveEventFrame } from '@mhkit/shared'

/** An open `GET /api/events` response, read frame by frame. */
export interface EventStreamReader {
  /** The next `mhkit` frame, or undefined when none arrives within `timeoutMs`. */
  next(timeoutMs?: number): Promise<LiveEventFrame | undefined>
  /** Whether the `ready` frame has arrived. */
  readonly ready: boolean
  /** Every byte of the stream read so far (for leak checks). */
  readonly text: string
  close(): Promise<void>
}

/**
 * Reads an SSE response of the BFF: splits frames on blank lines, keeps `mhkit` frames,
 * notes `ready`.
 */
export function readEventStream(response: Response): EventStreamReader {
  const body = response.body
  if (body === null) throw new Error('no stream body')
  const reader = (body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  const frames: LiveEventFrame[] = []
  const waiters: (() => void)[] = []
  let buffer = ''
  let text = ''
  let ready = false
  let done = false
  void (async () => {
    try {
      for (;;) {
        const chunk = await reader.read()
        if (chunk.done) break
        const piece = decoder.decode(chunk.value, { stream: true })
        text += piece
        buffer += piece
        let end = buffer.indexOf('\n\n')
        while (end >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const lines = block.split('\n')
          const name = lines.find((l) => l.startsWith('event: '))?.slice(7)
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6)
          if (name === 'ready') ready = true
          if (name === 'mhkit' && data !== undefined) {
            const frame = parseLiveEventFrame(data)
            if (frame !== undefined) frames.push(frame)
          }
          end = buffer.indexOf('\n\n')
        }
        waiters.splice(0).forEach((w) => w())
      }
    } catch {
      // cancelled
    } finally {
      done = true
      waiters.splice(0).forEach((w) => w())
    }
  })()
  const waitFor = async (check: () => boolean, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs
    while (!check() && !done && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()))
        waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }
  const stream: EventStreamReader = {
    async next(timeoutMs = 3_000) {
      await waitFor(() => frames.length > 0, timeoutMs)
      return frames.shift()
    },
    get ready() {
      return ready
    },
    get text() {
      return text
    },
    async close() {
      await reader.cancel().catch(() => undefined)
    },
  }
  return stream
}

/** Waits until the stream's `ready` frame has arrived. */
export async function untilReady(stream: EventStreamReader, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!stream.ready && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
  if (!stream.ready) throw new Error('the event stream never became ready')
}

/** Serves a Hono-style fetch handler on a loopback port (the simulator posts webhooks to it). */
export async function serveOnLoopback(
  fetch: (request: Request) => Response | Promise<Response>,
): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      resolve({
        url: `http://127.0.0.1:${String(info.port)}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            if ('closeAllConnections' in server) server.closeAllConnections()
          }),
      })
    })
  })
}
