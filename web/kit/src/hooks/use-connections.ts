import { useQuery } from '@tanstack/react-query'
import { useBffClient } from '../api/mhkit-context'
import { connectionsQueryOptions } from '../query-options/connections-query'

/**
 * The user's bank connections, each with its status (`active`, `expiring`, `expired`, `error`)
 * and consent expiry, so the UI can prompt a reconnect before data stops flowing.
 *
 * @returns the React Query result; `data.data` is the connection list; `error` is a `BffError`
 */
export function useConnections() {
  return useQuery(connectionsQueryOptions(useBffClient()))
}
