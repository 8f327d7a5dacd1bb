import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useLayoutEffect, useState, useSyncExternalStore } from 'react'
import type { BffClient } from '../api/bff-client'
import { useBffClient } from '../api/mhkit-context'
import type { BffError } from '../api/bff-error'
import type { FlowResponse } from '../api/contract'
import { createFlowController } from '../flows/create-flow-controller'
import type {
  FlowController,
  FlowControllerOptions,
  FlowOptions,
  FlowOutcome,
} from '../flows/create-flow-controller'
import { flowQueryOptions } from '../query-options/flow-query'
import { keysAfterFlow } from '../query-options/mhkit-keys'
import { isConnectActive } from './connect-machine'
import type { ConnectState, ConnectStatus } from './connect-machine'

// Layout effect so the options are current before any effect or event handler of the commit.
const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect

/** What every flow hook returns (`useConnectBank`, `usePayment`, `useRefund`, …). */
export interface FlowHandle<P> {
  /** Current state of the explicit state machine. */
  state: ConnectState
  status: ConnectStatus
  /** The typed error when `status` is `failed`. */
  error: BffError | undefined
  /** The stored outcome when `status` is `succeeded`. */
  flow: FlowResponse | undefined
  /** `true` while preparing, awaiting the user or completing. */
  isBusy: boolean
  /**
   * Starts a flow; call it directly in a click handler (popup mode opens the window
   * synchronously). Asks the BFF for a fresh PAR-backed URL each time.
   *
   * @throws BffError (rejects) when the flow fails
   */
  start: (params?: P) => Promise<FlowOutcome>
  /** Abandons the current flow (closing its popup) and returns to `idle`. */
  reset: () => void
}

/**
 * The React adapter over one {@link createFlowController}: the controller lives as long as the
 * component, reads the latest options (callbacks are never stale and changing them restarts
 * nothing), and its state reaches React through `useSyncExternalStore`.
 */
function useFlowController<P extends { returnTo?: string | undefined }>(
  options: FlowControllerOptions<P>,
): [FlowController<P>, ConnectState] {
  const [controller] = useState(() => createFlowController(options))
  useIsomorphicLayoutEffect(() => controller.setOptions(options))
  useEffect(() => controller.mount(), [controller])
  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState)
  return [controller, state]
}

/**
 * The controller wired to the BFF: `begin` is the flow's start request; the outcome is read
 * from `GET /api/flows/:flowId`; once it settles, what the flow changed is refetched.
 */
export function useBffFlowController<P extends { returnTo?: string | undefined }>(
  begin: (
    client: BffClient,
    params: P,
    returnTo: string,
  ) => Promise<{ flowId: string; url: string }>,
  options: FlowOptions & { params?: P },
): [FlowController<P>, ConnectState] {
  const client = useBffClient()
  const queryClient = useQueryClient()
  return useFlowController<P>({
    ...options,
    begin: (params, returnTo) => begin(client, params, returnTo),
    readFlow: (flowId) =>
      queryClient.fetchQuery({ ...flowQueryOptions(client, flowId), staleTime: 0 }),
    onSettled: (flow) =>
      flow &&
      Promise.all(
        keysAfterFlow(flow.kind).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  })
}

/** {@link useBffFlowController} shaped as the flow hooks return it. */
export function useFlow<P extends { returnTo?: string | undefined }>(
  begin: (
    client: BffClient,
    params: P,
    returnTo: string,
  ) => Promise<{ flowId: string; url: string }>,
  options: FlowOptions & { params?: P },
): FlowHandle<Partial<P>> {
  const [controller, state] = useBffFlowController(begin, options)
  return {
    state,
    status: state.status,
    error: state.status === 'failed' ? state.error : undefined,
    flow: state.status === 'succeeded' ? state.flow : undefined,
    isBusy: isConnectActive(state),
    start: controller.start,
    reset: controller.reset,
  }
}
