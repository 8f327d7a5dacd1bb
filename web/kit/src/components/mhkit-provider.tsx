import { useMemo } from 'react'
import type { ReactNode } from 'react'
import { createBffClient } from '../api/bff-client'
import type { BffClient } from '../api/bff-client'
import { MhkitContext } from '../api/mhkit-context'
import type { LiveUpdates } from '../live/moneyhub-live-updates'
import type { MhkitMessages } from '../messages/mhkit-messages'

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
  /**
   * Replaces any text the kit's components show (to translate it or change its tone); keys left
   * out keep the kit's English. Keep the object stable (module scope or `useMemo`): a new object
   * re-renders every kit component.
   */
  messages?: MhkitMessages
  children?: ReactNode
}

/**
 * Configuration for the kit's hooks and components: where the BFF lives (or a client to use) and
 * the wording of the components (`messages`).
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
export function MhkitProvider({
  basePath,
  client,
  liveUpdates,
  messages,
  children,
}: MhkitProviderProps) {
  // A new `messages` object also makes a new client: harmless (a client holds only its base
  // path and fetch), and one memo keeps the provider small.
  const value = useMemo(
    () => ({
      client: client ?? createBffClient(basePath === undefined ? {} : { basePath }),
      messages,
    }),
    [client, basePath, messages],
  )
  return (
    <MhkitContext.Provider value={value}>
      {liveUpdates}
      {children}
    </MhkitContext.Provider>
  )
}
