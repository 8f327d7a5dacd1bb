import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BffError } from '../api/bff-error'
import { useBffClient } from '../api/mhkit-context'
import { mhkitKeys } from '../query-options/mhkit-keys'

/**
 * Ends the BFF session (`POST /api/logout`). On success every cached piece of the user's data
 * is removed from the app's `QueryClient` (not just marked stale, so nothing of the previous
 * user is ever shown again) and the session is refetched.
 *
 * @returns a React Query mutation; `mutate()`; `error` is a `BffError`
 * @see docs/architecture.md §3
 */
export function useLogout() {
  const client = useBffClient()
  const queryClient = useQueryClient()
  return useMutation<void, BffError, void>({
    mutationFn: async () => {
      await client.request({ method: 'POST', path: '/logout', schema: 'logout' })
    },
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: mhkitKeys.all })
      await queryClient.invalidateQueries({ queryKey: mhkitKeys.session() })
    },
  })
}
