import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'

/**
 * The `BroadcastChannel` the demo's tabs share. The kit's `<SessionSync channel>` uses it: it
 * sees the session change in one tab (a log out, a bank disconnected) and the other tabs
 * refetch or drop the kit's data.
 */
export const SESSION_CHANNEL = 'mhkit-demo-session'

/**
 * Tells the other tabs about a change SessionSync cannot see by itself, in the messages it
 * sends (nothing else): the demo host's sign-in (`changed`), which may leave the BFF session as
 * it was (a person with no banks yet), and its sign-out (`signed-out`), so every tab drops the
 * previous person's data whatever this tab's SessionSync saw. Every tab, this one included,
 * refetches (or drops) the kit's data and refetches the host sign-in.
 *
 * @param message - `signed-out` after a log out, `changed` otherwise
 */
export function announceSessionChange(message: 'changed' | 'signed-out' = 'changed'): void {
  if (typeof BroadcastChannel === 'undefined') return
  const channel = new BroadcastChannel(SESSION_CHANNEL)
  channel.postMessage(message)
  channel.close()
}

/**
 * Refetches the demo host's sign-in whenever a tab announces a change on the channel: the kit
 * refetches its own data, the header's "Signed in as …" is the demo's.
 */
export function useHostSignInSync(): void {
  const queryClient = useQueryClient()
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return
    const channel = new BroadcastChannel(SESSION_CHANNEL)
    channel.onmessage = () => {
      void queryClient.invalidateQueries({ queryKey: ['demo-auth'] })
    }
    return () => channel.close()
  }, [queryClient])
}
