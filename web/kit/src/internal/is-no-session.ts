import type { BffError } from '../api/bff-error'

/**
 * Whether a read failed only because this browser has no session (401 `unauthenticated`) or
 * its session ended (`session_expired`). There is nothing of this person's to show yet, so the
 * data components show their empty state — an invitation to connect — rather than an error.
 */
export function isNoSession(error: BffError | null): boolean {
  return error?.code === 'unauthenticated' || error?.code === 'session_expired'
}
