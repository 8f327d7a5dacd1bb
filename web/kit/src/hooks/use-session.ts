import { useQuery } from '@tanstack/react-query'
import { useBffClient } from '../api/mhkit-context'
import { sessionQueryOptions } from '../query-options/session-query'

/**
 * The BFF session: `data.authenticated`, the user id, connections and expiry. The BFF is the
 * source of truth; this only reflects it (and refetches on window focus).
 *
 * @returns the React Query result; `error` is a `BffError`
 * @see docs/architecture.md §3 (`GET /api/session`)
 */
export function useSession() {
  return useQuery(sessionQueryOptions(useBffClient()))
}
