import { randomBytes } from 'node:crypto'

import { liveEventFrameSchema, type LiveEvent, type LiveEventFrame } from '@mhkit/shared'

import type { Clock } from '../clock'
import { hashId } from '../session/ids'
import type { Store } from '../session/store'

import type { EventBacklog } from './event-backlog'
import type { EventBus } from './event-bus'

/** How long the BFF remembers that a Moneyhub user opened a live stream here (30 days). */
const KNOWN_USER_TTL_MS = 30 * 24 * 60 * 60 * 1000

/**
 * Who an event is for: the Moneyhub user (every tab of every session bound to them) and/or
 * one session (an anonymous payer's payment).
 */
export interface EventAudience {
  sub?: string
  sessionHash?: string
}

/** Publishes live events to the streams of their audience, on any instance. */
export interface LiveEvents {
  /** Stamps the event with an id and time, keeps it in the backlog and fans it out. */
  publish(audience: EventAudience, event: LiveEvent): Promise<LiveEventFrame>
  /**
   * Listens for the audience's events until the returned function is called; resolves once
   * every subscription is live.
   */
  subscribe(audience: EventAudience, listener: (frame: LiveEventFrame) => void): Promise<() => void>
  /** The audience's backlog after `lastId`, oldest first, without duplicates. */
  since(audience: EventAudience, lastId: string): Promise<LiveEventFrame[]>
  /** Records that this Moneyhub user uses this BFF (a webhook about them is not a stranger's). */
  rememberUser(sub: string): Promise<void>
  /** Whether {@link rememberUser} ran for this user within {@link KNOWN_USER_TTL_MS}. */
  knowsUser(sub: string): Promise<boolean>
}

/** The channels of an audience: `u:<sha256(sub)>` and `s:<sessionHash>` (no raw ids on the bus). */
function audienceChannels(audience: EventAudience): string[] {
  return [
    ...(audience.sub === undefined ? [] : [`u:${hashId(audience.sub)}`]),
    ...(audience.sessionHash === undefined ? [] : [`s:${audience.sessionHash}`]),
  ]
}

/**
 * Builds the live-event hub over a bus (memory or Redis) and the store's backlog.
 *
 * @param deps - bus, backlog, store (for the known-user marks) and clock
 */
export function createLiveEvents(deps: {
  bus: EventBus
  backlog: EventBacklog
  store: Store
  clock: Clock
}): LiveEvents {
  const userKey = (sub: string) => `evuser:${hashId(sub)}`
  // Ids grow strictly within this instance even when the clock stands still, so a resume
  // after one event never skips a sibling stamped in the same millisecond.
  let lastMs = 0
  return {
    async publish(audience, event) {
      const now = deps.clock.now()
      lastMs = Math.max(now, lastMs + 1)
      const frame: LiveEventFrame = {
        id: `${String(lastMs).padStart(13, '0')}-${randomBytes(9).toString('base64url')}`,
        at: new Date(now).toISOString(),
        event,
      }
      const message = JSON.stringify(frame)
      for (const channel of audienceChannels(audience)) {
        // Backlog first: a stream that reconnects between the two steps still finds it.
        await deps.backlog.append(channel, frame)
        await deps.bus.publish(channel, message)
      }
      return frame
    },
    async subscribe(audience, listener) {
      const onMessage = (message: string) => {
        let json: unknown
        try {
          json = JSON.parse(message)
        } catch {
          return
        }
        // The bus is shared infrastructure: only a well-formed frame reaches a browser.
        const parsed = liveEventFrameSchema.safeParse(json)
        if (parsed.success) listener(parsed.data)
      }
      const offs = await Promise.all(
        audienceChannels(audience).map((channel) => deps.bus.subscribe(channel, onMessage)),
      )
      return () => {
        for (const off of offs) off()
      }
    },
    async since(audience, lastId) {
      const seen = new Set<string>()
      const frames: LiveEventFrame[] = []
      for (const channel of audienceChannels(audience)) {
        for (const frame of await deps.backlog.since(channel, lastId)) {
          if (seen.has(frame.id)) continue
          seen.add(frame.id)
          frames.push(frame)
        }
      }
      return frames.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    },
    async rememberUser(sub) {
      await deps.store.set(userKey(sub), '1', KNOWN_USER_TTL_MS)
    },
    async knowsUser(sub) {
      return (await deps.store.get(userKey(sub))) !== undefined
    },
  }
}
