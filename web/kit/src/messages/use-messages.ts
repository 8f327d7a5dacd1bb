import { useContext } from 'react'
import { MhkitContext } from '../api/mhkit-context'
import type { MhkitMessages } from './mhkit-messages'

/**
 * The wording overrides given to the nearest {@link MhkitProvider} as `messages` (an empty
 * object without one). Components read `messages.key ?? default`: the defaults stay in the
 * component that shows them, so an app bundles only the wording of the components it uses.
 *
 * @returns the partial {@link MhkitMessages} the app supplied
 */
export function useMessages(): MhkitMessages {
  return useContext(MhkitContext)?.messages ?? {}
}
