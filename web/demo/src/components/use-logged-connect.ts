import { useConnectBank, type ConnectBankOptions } from '@mhkit/react'
import { useEventLog } from '../event-log'
import { CALLBACK_PATH } from '../router'

/**
 * The demo's defaults for every connect flow: back to the demo's callback route, and every
 * step in the visible event log. `onSuccess` increments the counter the StrictMode journey
 * reads. Shared by {@link useLoggedConnect} and the kit's `ConnectBankButton` under the picker.
 */
export function useConnectLogOptions(): Required<
  Pick<ConnectBankOptions, 'returnTo' | 'onEvent' | 'onSuccess' | 'onError' | 'onCancel'>
> {
  const { record } = useEventLog()
  return {
    returnTo: CALLBACK_PATH,
    onEvent: (event) =>
      record(
        `connect:${event.type}`,
        `${event.mode}${event.flowId === undefined ? '' : ` ${event.flowId.slice(0, 8)}`}`,
      ),
    onSuccess: (flow) => record('connect:success', flow.kind),
    onError: (error) => record('connect:error', error.code),
    onCancel: () => record('connect:cancel'),
  }
}

/**
 * `useConnectBank` wired to the demo's event log, returning to the demo's callback route.
 *
 * @param options - flow kind, connection id, mode; merged over the demo's defaults
 */
export function useLoggedConnect(options: ConnectBankOptions = {}) {
  const { returnTo, onEvent, onSuccess, onError, onCancel } = useConnectLogOptions()
  return useConnectBank({ returnTo, ...options, onEvent, onSuccess, onError, onCancel })
}
