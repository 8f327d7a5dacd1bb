import type { LiveEventFrame } from '@mhkit/shared'

import type { Store } from '../session/store'

/** Frames kept per channel for `Last-Event-ID` resume. */
const BACKLOG_MAX = 50
/** How long a channel's backlog lives after its last event. */
const BACKLOG_TTL_MS = 15 * 60 * 1000
const LOCK_TTL_MS = 2_000
const LOCK_ATTEMPTS = 20

/** The short per-channel history a reconnecting stream resumes from. */
export interface EventBacklog {
  /** Adds a frame (the oldest drop out beyond {@link BACKLOG_MAX}). */
  append(channel: string, frame: LiveEventFrame): Promise<void>
  /** The frames after `lastId` (ids sort by time), oldest first. */
  since(channel: string, lastId: string): Promise<LiveEventFrame[]>
}

/**
 * The backlog in the store (`evlog:<channel>`, a JSON array), so any instance can resume a
 * stream another instance served. Appends run under a store lock so two webhooks landing at
 * once on two instances both stay in it.
 *
 * @param store - the BFF's store
 */
export function createEventBacklog(store: Store): EventBacklog {
  const key = (channel: string) => `evlog:${channel}`
  const read = async (channel: string): Promise<LiveEventFrame[]> => {
    const raw = await store.get(key(channel))
    if (raw === undefined) return []
    try {
      const parsed = JSON.parse(raw) as unknown
      return Array.isArray(parsed) ? (parsed as LiveEventFrame[]) : []
    } catch {
      return []
    }
  }
  return {
    async append(channel, frame) {
      let lock
      for (let i = 0; i < LOCK_ATTEMPTS && lock === undefined; i++) {
        lock = await store.lock(`evlog:${channel}`, LOCK_TTL_MS)
        if (lock === undefined) await new Promise((resolve) => setTimeout(resolve, 10 * (i + 1)))
      }
      try {
        const frames = [...(await read(channel)), frame].slice(-BACKLOG_MAX)
        await store.set(key(channel), JSON.stringify(frames), BACKLOG_TTL_MS)
      } finally {
        await lock?.release()
      }
    },
    async since(channel, lastId) {
      return (await read(channel)).filter((frame) => frame.id > lastId)
    },
  }
}
