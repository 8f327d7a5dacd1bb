import { useMemo } from 'react'
import type { ReactNode } from 'react'
import { createBffClient } from '../api/bff-client'
import type { BffClient } from '../api/bff-client'
import { MhkitContext } from '../api/mhkit-context'
import type { LiveUpdates } from '../live/moneyhub-live-updates'

/** Props of {@link MhkitProvider}. */
export interface MhkitProviderProps {
  /** Base path of the BFF on the app origin. Default `/api`. Ignored when `client` is given. */
  basePath?: string
  /** A ready client (e.g. `createBffClient({ fetch })` in tests). */
  client?: BffClient
  /**
   * Opt-in live updates: `moneyhubLiveUpdates()` keeps the kit's queries fresh from the BFF's
   * live events. A plug-in rather than a switch, so apps without it do not bundle it.
   */
  liveUpdates?: LiveUpdates
  children?: ReactNode
}

/**
 * Configuration for the kit's hooks and components: where the BFF lives, or a client to use.
 * It holds no server state — the app owns its `QueryClient` and its `QueryClientProvider`, and
 * this provider goes inside it.
 *
 * @example
 * ```tsx
 * <QueryClientProvider client={queryClient}>
 *   <MhkitProvider basePath="/api">
 *     <App />
 *   </MhkitProvider>
 * </QueryClientProvider>
 * ```
 */
export function MhkitProvider({ basePath, client, liveUpdates, children }: MhkitProviderProps) {
  const value = useMemo(
    () => ({ client: client ?? createBffClient(basePath === undefined ? {} : { basePath }) }),
    [client, basePath],
  )
  return (
    <MhkitContext.Provider value={value}>
      {liveUpdates}
      {children}
    </MhkitContext.Provider>
  )
}
