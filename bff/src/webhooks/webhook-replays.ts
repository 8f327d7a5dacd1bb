import { hashId } from '../session/ids'
import type { Store } from '../session/store'

/** How long a delivery id is remembered: far beyond the token's accepted age. */
const REPLAY_WINDOW_MS = 7 * 24 * 60 * 60 * 1000

/**
 * Marks a delivery as seen; true the first time (atomic `add`, so of two instances receiving
 * the same `jti` at once exactly one acts on it). A replay is acknowledged but not applied.
 *
 * @param store - the BFF's store (shared by every instance)
 * @param deliveryId - the token's `jti` (or the JSON `id`)
 */
export function firstDelivery(store: Store, deliveryId: string): Promise<boolean> {
  return store.add(`whjti:${hashId(deliveryId)}`, '1', REPLAY_WINDOW_MS)
}
