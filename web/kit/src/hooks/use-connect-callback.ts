import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { BffError } from '../api/bff-error'
import type { FlowResponse } from '../api/contract'
import { useBffClient } from '../api/mhkit-context'
import { claimFlow } from '../internal/flow-guard'
import { isTransientError } from '../internal/is-transient'
import { announceFlowReturned } from '../internal/flow-messages'
import { POPUP_MARKER } from '../internal/popup-window'
import { useLatest } from '../internal/use-latest'
import { flowQueryOptions } from '../query-options/flow-query'
import { connectionDependentKeys } from '../query-options/mhkit-keys'

/** Options of {@link useConnectCallback}. */
export interface ConnectCallbackOptions {
  /** The flow succeeded. Fires once per flow id — not again on StrictMode, reload or back. */
  onSuccess?: (flow: FlowResponse) => void
  /** The flow failed, or its outcome could not be read. Fires once per flow id. */
  onError?: (error: BffError) => void
  /**
   * Read the flow id from here instead of `?flow=` in the page URL (for routers that hand
   * the search params over themselves).
   */
  flowId?: string | null
}

/** Where the return page stands. */
export type ConnectCallbackStatus =
  'idle' | 'loading' | 'pending' | 'succeeded' | 'failed' | 'popup-handoff'

/** What {@link useConnectCallback} returns. */
export interface ConnectCallback {
  status: ConnectCallbackStatus
  /** The flow id being handled, if any. */
  flowId: string | undefined
  /** The stored outcome, once read. */
  flow: FlowResponse | undefined
  /** Why it failed: the flow's own error code, or the error reading it. */
  error: BffError | undefined
  /** Reads the outcome again (after a `network_error`, say). */
  refetch: () => void
}

const HISTORY_KEY = 'mhkitFlow'

interface ReturnInfo {
  flowId: string | undefined
  inPopup: boolean
}

function readReturn(explicit: string | null | undefined): ReturnInfo {
  if (typeof window === 'undefined') return { flowId: explicit ?? undefined, inPopup: false }
  const params = new URLSearchParams(window.location.search)
  const fromUrl = params.get('flow') ?? undefined
  // After the URL has been cleaned, a reload or back-navigation finds the id in history.state.
  const state: unknown = window.history.state
  const fromHistory =
    typeof state === 'object' && state !== null && HISTORY_KEY in state
      ? String((state as Record<string, unknown>)[HISTORY_KEY])
      : undefined
  return {
    flowId: explicit ?? fromUrl ?? fromHistory,
    inPopup: params.get(POPUP_MARKER) === '1',
  }
}

function cleanUrl(flowId: string): void {
  const url = new URL(window.location.href)
  if (!url.searchParams.has('flow') && !url.searchParams.has(POPUP_MARKER)) return
  url.searchParams.delete('flow')
  url.searchParams.delete(POPUP_MARKER)
  const previous: unknown = window.history.state
  const base = typeof previous === 'object' && previous !== null ? previous : {}
  // Keep the router's own history.state and add the flow id, so a reload still shows it.
  window.history.replaceState({ ...base, [HISTORY_KEY]: flowId }, '', url.toString())
}

/**
 * Finishes a connect flow on the app's return page. Reads `?flow=<flowId>` (put there by the
 * BFF's 303), removes it from the URL with `history.replaceState`, reads the stored outcome
 * from `GET /api/flows/:flowId`, refreshes the session, accounts, transactions and
 * connections, and fires `onSuccess` or `onError` exactly once per flow id: a module-level
 * guard absorbs StrictMode's double effects and sessionStorage absorbs reloads and
 * back-navigation, while the outcome stays visible.
 *
 * Inside a popup opened by {@link useConnectBank} it only tells the opener and closes the
 * window (status `popup-handoff`); the opener reads the outcome and fires its own callbacks.
 *
 * @param options - callbacks (kept in refs, never stale) and an optional explicit flow id
 * @returns status, flow id, outcome and error
 * @throws BffError through `onError`: the flow's code (`access_denied`, `state_mismatch`, ...)
 *   or a read failure (`flow_not_found`, `flow_expired`, `network_error`, ...)
 * @see ARCHITECTURE.md "Connect a bank", steps 5–6; connect-kit-lessons (b) 2, 3, 4
 */
export function useConnectCallback(options: ConnectCallbackOptions = {}): ConnectCallback {
  const client = useBffClient()
  const queryClient = useQueryClient()
  const optionsRef = useLatest(options)
  // Read once: the URL is cleaned right after, and the id must survive that.
  const [info] = useState(() => readReturn(options.flowId))
  const flowId = options.flowId ?? info.flowId
  const inPopup = info.inPopup && flowId !== undefined

  useEffect(() => {
    if (flowId === undefined) return
    cleanUrl(flowId)
    if (inPopup) {
      announceFlowReturned(flowId)
      // Only a window the kit opened is closed; window.close() is a no-op otherwise.
      if (window.opener) window.close()
    }
  }, [flowId, inPopup])

  const query = useQuery({
    ...flowQueryOptions(client, flowId ?? ''),
    enabled: flowId !== undefined && !inPopup,
  })
  const flow = query.data
  const readError = query.error ? (query.error as BffError) : undefined

  useEffect(() => {
    if (flowId === undefined || inPopup) return
    if (flow?.status === 'succeeded' || flow?.status === 'failed') {
      if (!claimFlow(flowId)) return
      for (const queryKey of connectionDependentKeys()) {
        void queryClient.invalidateQueries({ queryKey })
      }
      if (flow.status === 'succeeded') {
        optionsRef.current.onSuccess?.(flow)
      } else {
        const code = flow.error?.code ?? 'internal_error'
        optionsRef.current.onError?.(new BffError(code, flow.error?.message ?? 'The flow failed.'))
      }
    } else if (readError && !isTransientError(readError) && claimFlow(flowId)) {
      // A transient read failure is not the flow's outcome: the page offers a retry and the
      // callbacks wait for the real answer.
      optionsRef.current.onError?.(readError)
    }
  }, [flow, flowId, inPopup, optionsRef, queryClient, readError])

  const flowError = flow?.status === 'failed' ? flow.error : undefined
  const outcomeError = useMemo(
    () =>
      flowError
        ? new BffError(flowError.code, flowError.message)
        : flow?.status === 'failed'
          ? new BffError('internal_error', 'The flow failed.')
          : undefined,
    [flow?.status, flowError],
  )

  let status: ConnectCallbackStatus = 'loading'
  let error: BffError | undefined
  if (flowId === undefined) status = 'idle'
  else if (inPopup) status = 'popup-handoff'
  else if (flow?.status === 'succeeded') status = 'succeeded'
  else if (outcomeError) {
    status = 'failed'
    error = outcomeError
  } else if (readError) {
    status = 'failed'
    error = readError
  } else if (flow?.status === 'pending') status = 'pending'

  return {
    status,
    flowId,
    flow,
    error,
    refetch: () => void query.refetch(),
  }
}
