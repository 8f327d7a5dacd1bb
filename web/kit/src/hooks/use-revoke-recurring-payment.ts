import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BffError } from '../api/bff-error'
import { useBffClient } from '../api/mhkit-context'
import { mhkitKeys } from '../query-options/mhkit-keys'

/**
 * Revokes a VRP consent (`DELETE /api/recurring-payments/:id`, 204): no payment can be made
 * with it afterwards. The consent list is refetched.
 *
 * @returns a React Query mutation; `mutate(recurringPaymentId)`; `error` is a `BffError`
 *   (`not_found`, ...)
 * @see moneyhub-protocol.md §4.8
 */
export function useRevokeRecurringPayment() {
  const client = useBffClient()
  const queryClient = useQueryClient()
  return useMutation<void, BffError, string>({
    mutationFn: (id) =>
      client.request({
        method: 'DELETE',
        path: `/recurring-payments/${encodeURIComponent(id)}`,
        schema: null,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mhkitKeys.recurringPayments() }),
  })
}
