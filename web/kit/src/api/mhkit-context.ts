import { createContext, useContext } from 'react'
import { createBffClient } from './bff-client'
import type { BffClient } from './bff-client'
import type { MhkitMessages } from '../messages/mhkit-messages'

/** Configuration the provider hands to every hook. */
export interface MhkitConfig {
  client: BffClient
  /** The app's wording overrides (`MhkitProvider`'s `messages`). */
  messages?: MhkitMessages | undefined
}

let defaultConfig: MhkitConfig | undefined

/** @internal The React context behind {@link MhkitProvider}. */
export const MhkitContext = createContext<MhkitConfig | undefined>(undefined)

/**
 * The BFF client of the nearest {@link MhkitProvider}, or a default client on `/api` when the app
 * renders no provider (the provider is configuration only, never required).
 *
 * @returns the {@link BffClient} hooks use
 */
export function useBffClient(): BffClient {
  const config = useContext(MhkitContext)
  if (config) return config.client
  defaultConfig ??= { client: createBffClient() }
  return defaultConfig.client
}
