import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BffError } from '../api/bff-error'
import { useBffClient } from '../api/mhkit-context'
import { connectionDependentKeys } from '../query-options/mhkit-keys'

/**
 * Disconnects a bank (`DELETE /api/connections/:id`): Moneyhub deletes the connection, its
 * accounts and transactions and revokes the grant. Afterwards the session, accounts,
 * transactions and connections are refetched.
 *
 * @returns a React Query mutation; `mutate(connectionId)`; `error` is a `BffError`
 *   (`connection_not_found`, ...)
 * @see moneyhub-protocol.md §9.6
 */
export function useDisconnect() {
  const client = useBffClient()
  const queryClient = useQueryClient()
  return useMutation<void, BffError, string>({
    mutationFn: (connectionId) =>
      client.request({
        method: 'DELETE',
        path: `/connections/${encodeURIComponent(connectionId)}`,
        schema: null,
      }),
    onSettled: () =>
      Promise.all(
        connectionDependentKeys().map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  })
}
