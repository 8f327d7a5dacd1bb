import { isBffError } from '../api/bff-error'

/**
 * Whether a list failed only because this browser has no session yet (401 `unauthenticated`).
 * The BFF shows payments, VRP permissions and standing orders to the session that started
 * them, so a browser without one has started none: its list is empty, not an error to fix by
 * connecting a bank.
 */
export function isNoSession(error: unknown): boolean {
  return isBffError(error) && error.code === 'unauthenticated'
}
