import type * as IoRedis from 'ioredis'

import { loadOptionalPeer } from '../internal/optional-peer'

import type { EventBus } from './event-bus'

/**
 * An {@link EventBus} over Redis pub/sub, for several BFF instances over one Redis
 * (`SESSION_STORE=redis`): a webhook received by one instance reaches the streams held by all.
 * Uses two connections (a subscribed connection can issue no other command) and one Redis
 * subscription per channel however many streams of this instance listen on it. Pub/sub is
 * fire-and-forget: a stream that misses a message (an instance restarting) catches up from the
 * backlog in the store with `Last-Event-ID`.
 *
 * @param options.url - redis:// or rediss:// URL (REDIS_URL)
 * @param options.prefix - channel prefix (default `mhkit:events:`)
 */
export function createRedisEventBus(options: { url: string; prefix?: string }): EventBus {
  const prefix = options.prefix ?? 'mhkit:events:'
  const { Redis } = loadOptionalPeer<typeof IoRedis>('ioredis', '^5', 'Live events over Redis')
  const connect = () => {
    const redis = new Redis(options.url, { maxRetriesPerRequest: 2, connectTimeout: 5000 })
    // Failures surface on the commands; without a listener ioredis prints them unhandled.
    redis.on('error', () => undefined)
    return redis
  }
  const pub = connect()
  const sub = connect()
  const listeners = new Map<string, Set<(message: string) => void>>()
  sub.on('message', (channel: string, message: string) => {
    if (!channel.startsWith(prefix)) return
    for (const listener of [...(listeners.get(channel.slice(prefix.length)) ?? [])]) {
      try {
        listener(message)
      } catch {
        // One broken stream must not keep the event from the others.
      }
    }
  })

  return {
    async publish(channel, message) {
      await pub.publish(prefix + channel, message)
    },
    async subscribe(channel, listener) {
      let set = listeners.get(channel)
      if (set === undefined) {
        set = new Set()
        listeners.set(channel, set)
        await sub.subscribe(prefix + channel)
      }
      set.add(listener)
      return () => {
        const current = listeners.get(channel)
        current?.delete(listener)
        if (current?.size === 0) {
          listeners.delete(channel)
          void sub.unsubscribe(prefix + channel).catch(() => undefined)
        }
      }
    },
    async close() {
      listeners.clear()
      await Promise.allSettled([pub.quit(), sub.quit()])
    },
  }
}
