import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import type { BffResult } from '../api/bff-client'
import { mhkitKeys } from '../query-options/mhkit-keys'

/** Props of {@link SessionSync}. */
export interface SessionSyncProps {
  /** The `BroadcastChannel` name; tabs of one origin that share it stay in step. */
  channel?: string
}

type SessionMessage = 'changed' | 'signed-out'

/** What of a session answer tells one session state from another; only its digest is kept. */
function fingerprint(session: BffResult<'session'>): string {
  if (!session.authenticated) return 'out'
  const connections = (session.connections ?? []).map((c) => `${c.id}:${c.status}`).sort()
  return `${session.user?.id ?? ''}|${connections.join(',')}`
}

const sessionKey = JSON.stringify(mhkitKeys.session())

/** A short digest of a fingerprint (FNV-1a): tells two states apart without keeping any id. */
function digest(fingerprint: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < fingerprint.length; i++) {
    hash = Math.imul(hash ^ fingerprint.charCodeAt(i), 0x01000193)
  }
  return (hash >>> 0).toString(36)
}

const signedOut = digest('out')

/**
 * This tab's last seen session, as a digest in sessionStorage (this tab only) so a page load in
 * the same tab compares with the state before it: a bank connected by redirect comes back on a
 * fresh page load, and its new connection is then announced like any other change.
 */
function lastSeen(channel: string): { get(): string | undefined; set(value: string): void } {
  const key = `${channel}:last`
  return {
    get() {
      try {
        return sessionStorage.getItem(key) ?? undefined
      } catch {
        return undefined // storage blocked: compare within this page load only
      }
    },
    set(value) {
      try {
        sessionStorage.setItem(key, value)
      } catch {
        // storage blocked or full: the in-memory value still serves this page load
      }
    },
  }
}

/**
 * Keeps the kit's data in step across this app's tabs: when one tab's session answer changes
 * (logged out, signed in, a bank connected — by popup or by redirect, reconnected or
 * disconnected), the other tabs of the same origin refetch — after a sign-out they drop the previous person's data first, so it is
 * never shown again. Render it once inside `MhkitProvider`; it renders nothing.
 *
 * It watches the session query rather than the mutations, so any change the kit or the app
 * makes is covered. Messages carry only their type (`changed` or `signed-out`), never an id
 * or a token. A tab that refetches because of a message does not echo it back. Without
 * `BroadcastChannel` it does nothing; the session query still refetches on window focus.
 *
 * @example
 * ```tsx
 * <MhkitProvider>
 *   <SessionSync />
 *   <App />
 * </MhkitProvider>
 * ```
 */
export function SessionSync({ channel = 'mhkit:session' }: SessionSyncProps) {
  const queryClient = useQueryClient()
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return
    const bus = new BroadcastChannel(channel)
    const stored = lastSeen(channel)
    let last = stored.get()
    // Set while this tab refetches for a message, so the change it sees is not sent back.
    let replying = false
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success') return
      if (JSON.stringify(event.query.queryKey) !== sessionKey) return
      const now = digest(fingerprint(event.action.data as BffResult<'session'>))
      const before = last
      last = now
      stored.set(now)
      if (before === undefined || before === now || replying) return
      const message: SessionMessage = now === signedOut ? 'signed-out' : 'changed'
      bus.postMessage(message)
    })
    bus.onmessage = (event: MessageEvent<unknown>) => {
      if (event.data !== 'changed' && event.data !== 'signed-out') return
      replying = true
      const done = () => {
        replying = false
      }
      // After a sign-out nothing of the previous person may stay on screen: reset, not refetch.
      const refresh =
        event.data === 'signed-out'
          ? queryClient.resetQueries({ queryKey: mhkitKeys.all })
          : queryClient.invalidateQueries({ queryKey: mhkitKeys.all })
      refresh.then(done, done)
    }
    return () => {
      unsubscribe()
      bus.close()
    }
  }, [queryClient, channel])
  return null
}
