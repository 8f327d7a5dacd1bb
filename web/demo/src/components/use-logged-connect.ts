import { useConnectBank, type ConnectBankOptions } from '@mhkit/react'
import { useEventLog } from '../event-log'
import { CALLBACK_PATH } from '../router'

/**
 * `useConnectBank` wired to the demo's event log, returning to the demo's callback route.
 * Every step lands in the visible log; `onSuccess` increments the counter the StrictMode
 * journey reads.
 *
 * @param options - flow kind, connection id, mode; merged over the demo's defaults
 */
export function useLoggedConnect(options: ConnectBankOptions = {}) {
  const { record } = useEventLog()
  return useConnectBank({
    returnTo: CALLBACK_PATH,
    ...options,
    onEvent: (event) =>
      record(
        `connect:${event.type}`,
        `${event.mode}${event.flowId === undefined ? '' : ` ${event.flowId.slice(0, 8)}`}`,
      ),
    onSuccess: (flow) => record('connect:success', flow.kind),
    onError: (error) => record('connect:error', error.code),
    onCancel: () => record('connect:cancel'),
  })
}
