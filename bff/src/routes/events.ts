import {
  formatLiveEventFrame,
  LIVE_EVENT_HEARTBEAT_MS,
  LIVE_EVENT_READY_NAME,
  LIVE_EVENT_RETRY_MS,
  liveEventIdSchema,
  type LiveEventFrame,
} from '@mhkit/shared'
import { Hono } from 'hono'

import type { AppEnv } from '../context'
import type { EventAudience, LiveEvents } from '../events/live-events'
import { hashId } from '../session/ids'
import type { Services } from '../services'
import { requireUser } from '../user-binding'

/**
 * How long one stream stays open. The browser reconnects (with `Last-Event-ID`) and the session
 * is checked again, so a stream never outlives its session by more than this.
 */
const STREAM_MAX_MS = 5 * 60 * 1000

/**
 * `GET /api/events`: the session's live events as Server-Sent Events (CSRF header and session
 * like every `/api` route). Opens with `retry:`, replays the backlog after `Last-Event-ID`,
 * sends `event: ready`, then each event as it arrives and a heartbeat comment every
 * {@link LIVE_EVENT_HEARTBEAT_MS}; closes after {@link STREAM_MAX_MS}. Only the shared event
 * vocabulary travels: no token, user id or webhook body. docs/webhooks.md.
 *
 * @throws AppError `unauthenticated` | `session_expired` without a session
 */
export function eventRoutes(s: Services, liveEvents: LiveEvents) {
  return new Hono<AppEnv>().get('/api/events', async (c) => {
    const sub = await s.userBinding.get(c)
    const session = c.var.session
    // A signed-in user, or a session without one (an anonymous payer follows their payments).
    if (sub === undefined && session === undefined) await requireUser(c, s.userBinding)
    const audience: EventAudience = {
      ...(sub === undefined ? {} : { sub }),
      ...(session === undefined ? {} : { sessionHash: hashId(session.id) }),
    }
    if (sub !== undefined) await liveEvents.rememberUser(sub)
    const lastIdHeader = c.req.header('last-event-id')
    const lastId = liveEventIdSchema.safeParse(lastIdHeader).success ? lastIdHeader : undefined
    const log = c.var.log
    const encoder = new TextEncoder()
    let cleanup = () => undefined as void

    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        const sent = new Set<string>()
        const queued: LiveEventFrame[] = []
        let replaying = true
        let closed = false
        const write = (text: string) => {
          if (closed) return
          try {
            controller.enqueue(encoder.encode(text))
          } catch {
            cleanup()
          }
        }
        const send = (frame: LiveEventFrame) => {
          // A payment event reaches both the session's and the user's channel: once is enough.
          if (sent.has(frame.id)) return
          sent.add(frame.id)
          if (sent.size > 500) sent.delete(sent.values().next().value as string)
          write(formatLiveEventFrame(frame))
        }
        // Subscribe before reading the backlog, so nothing published in between is lost.
        const unsubscribe = await liveEvents.subscribe(audience, (frame) => {
          if (replaying) queued.push(frame)
          else send(frame)
        })
        const heartbeat = setInterval(() => write(': heartbeat\n\n'), LIVE_EVENT_HEARTBEAT_MS)
        const limit = setTimeout(() => {
          cleanup()
        }, STREAM_MAX_MS)
        cleanup = () => {
          if (closed) return
          closed = true
          clearInterval(heartbeat)
          clearTimeout(limit)
          unsubscribe()
          try {
            controller.close()
          } catch {
            // already closed by the client
          }
        }
        write(`retry: ${LIVE_EVENT_RETRY_MS}\n\n`)
        try {
          if (lastId !== undefined)
            for (const frame of await liveEvents.since(audience, lastId)) send(frame)
        } catch (err) {
          log.warn({ err }, 'live event backlog unavailable')
        }
        replaying = false
        for (const frame of queued.splice(0)) send(frame)
        write(`event: ${LIVE_EVENT_READY_NAME}\ndata: {}\n\n`)
      },
      cancel() {
        cleanup()
      },
    })
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        // Reverse proxies (nginx) must pass each frame on at once.
        'X-Accel-Buffering': 'no',
      },
    })
  })
}
