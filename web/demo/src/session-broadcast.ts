import { mhkitKeys } from '@mhkit/react'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'

// One channel per origin: every tab of the demo hears every other one (never itself).
const CHANNEL = 'mhkit-demo-session'

/**
 * Tells the demo's other tabs that who is signed in, or what they connected, has changed
 * (a log out, a demo sign-in or sign-out, a new bank), so they drop what they show and ask
 * again instead of showing a signed-out person their old data.
 */
export function announceSessionChange(): void {
  if (typeof BroadcastChannel === 'undefined') return
  const channel = new BroadcastChannel(CHANNEL)
  channel.postMessage('changed')
  channel.close()
}

/**
 * Listens for {@link announceSessionChange} from other tabs: resets every kit query (no data of
 * a previous user survives; what is on screen refetches) and the demo sign-in.
 */
export function useSessionBroadcast(): void {
  const queryClient = useQueryClient()
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return
    const channel = new BroadcastChannel(CHANNEL)
    channel.onmessage = () => {
      void queryClient.resetQueries({ queryKey: mhkitKeys.all })
      void queryClient.invalidateQueries({ queryKey: ['demo-auth'] })
    }
    return () => channel.close()
  }, [queryClient])
}
