/**
 * How a live event reaches the BFF instance that holds the browser's stream: a webhook may land
 * on any instance. One process (memory or SQLite store) fans out in memory; several instances
 * over one Redis fan out through Redis pub/sub (`redis-event-bus.ts`). docs/webhooks.md
 * "Several instances".
 */

/** A publish/subscribe channel between the webhook receiver and the open streams. */
export interface EventBus {
  /** Delivers `message` to every subscriber of `channel`, in every instance on the bus. */
  publish(channel: string, message: string): Promise<void>
  /**
   * Calls `listener` for each message on `channel` until the returned function is called.
   * Resolves once the subscription is live (a Redis SUBSCRIBE has been acknowledged).
   */
  subscribe(channel: string, listener: (message: string) => void): Promise<() => void>
  /** Drops every subscription and closes connections. */
  close(): Promise<void>
}

/** An in-process {@link EventBus}: enough when one BFF process serves every browser. */
export function createMemoryEventBus(): EventBus {
  const channels = new Map<string, Set<(message: string) => void>>()
  return {
    publish(channel, message) {
      for (const listener of [...(channels.get(channel) ?? [])]) {
        try {
          listener(message)
        } catch {
          // One broken stream must not keep the event from the others.
        }
      }
      return Promise.resolve()
    },
    subscribe(channel, listener) {
      let set = channels.get(channel)
      if (set === undefined) {
        set = new Set()
        channels.set(channel, set)
      }
      set.add(listener)
      return Promise.resolve(() => {
        const current = channels.get(channel)
        current?.delete(listener)
        if (current?.size === 0) channels.delete(channel)
      })
    },
    close() {
      channels.clear()
      return Promise.resolve()
    },
  }
}
