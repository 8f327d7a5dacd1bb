import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { BffError, type BffErrorCode } from '../api/bff-error'
import type { FlowResponse } from '../api/contract'
import { useBffClient } from '../api/mhkit-context'
import { isTransientError } from '../internal/is-transient'
import { announceFlowReturned } from '../internal/flow-messages'
import { POPUP_MARKER } from '../internal/popup-window'
import { useBffFlowController } from '../internal/use-flow'
import { flowQueryOptions } from '../query-options/flow-query'

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
const HISTORY_ERROR_KEY = 'mhkitFlowError'
// `FLOW_ERROR_PARAM` of @mhkit/shared, spelled out: the kit loads no shared code up front.
const FLOW_ERROR_PARAM = 'flowError'
// An error code's shape; anything else in the URL is shown as a generic failure.
const CODE_PATTERN = /^[a-z][a-z_]{0,63}$/

/**
 * A callback the BFF could not tie to a flow of this browser (unknown or missing state,
 * another issuer, an error without state): it lands here with `?flowError=<code>` and no flow.
 * `id` tells one landing from the next, so `onError` fires once per landing.
 */
interface Landing {
  code: BffErrorCode
  id: string
}

interface ReturnInfo {
  flowId: string | undefined
  inPopup: boolean
  landing: Landing | undefined
}

function landingCode(value: string): BffErrorCode {
  // The BFF sends only closed-list codes; a code this kit does not know reads as generic.
  return CODE_PATTERN.test(value) ? (value as BffErrorCode) : 'internal_error'
}

function landingFromHistory(state: unknown): Landing | undefined {
  if (typeof state !== 'object' || state === null || !(HISTORY_ERROR_KEY in state)) return undefined
  const saved: unknown = (state as Record<string, unknown>)[HISTORY_ERROR_KEY]
  if (typeof saved !== 'object' || saved === null) return undefined
  const { code, id } = saved as Record<string, unknown>
  return typeof code === 'string' && typeof id === 'string'
    ? { code: landingCode(code), id }
    : undefined
}

function readReturn(explicit: string | null | undefined): ReturnInfo {
  if (typeof window === 'undefined') {
    return { flowId: explicit ?? undefined, inPopup: false, landing: undefined }
  }
  const params = new URLSearchParams(window.location.search)
  const fromUrl = params.get('flow') ?? undefined
  // After the URL has been cleaned, a reload or back-navigation finds the id in history.state.
  const state: unknown = window.history.state
  const fromHistory =
    typeof state === 'object' && state !== null && HISTORY_KEY in state
      ? String((state as Record<string, unknown>)[HISTORY_KEY])
      : undefined
  const errorInUrl = params.get(FLOW_ERROR_PARAM)
  const landing =
    errorInUrl === null
      ? landingFromHistory(state)
      : { code: landingCode(errorInUrl), id: Math.random().toString(36).slice(2) }
  return {
    flowId: explicit ?? fromUrl ?? fromHistory,
    inPopup: params.get(POPUP_MARKER) === '1',
    landing,
  }
}

/**
 * Removes the kit's parameters from the URL and keeps what they said in history.state, so a
 * reload or back-navigation still shows the outcome.
 */
function cleanUrl(saved: Record<string, unknown>): void {
  const url = new URL(window.location.href)
  const names = ['flow', FLOW_ERROR_PARAM, POPUP_MARKER]
  if (!names.some((name) => url.searchParams.has(name))) return
  for (const name of names) url.searchParams.delete(name)
  const previous: unknown = window.history.state
  const base = typeof previous === 'object' && previous !== null ? previous : {}
  // Keep the router's own history.state next to ours.
  window.history.replaceState({ ...base, ...saved }, '', url.toString())
}

// The return page only finishes flows; starting one is the start page's business.
function noStart(): never {
  throw new TypeError('useConnectCallback does not start flows')
}

function landingError(code: BffErrorCode): BffError {
  return new BffError(code, 'The callback did not finish a connect flow of this browser.')
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
 * A callback the BFF could not tie to a flow of this browser lands with `?flowError=<code>`
 * instead (an unknown or missing state, another issuer, an error without state): the status is
 * `failed` with that code at once, `onError` fires once per landing, and no flow is read.
 *
 * @param options - callbacks (kept in refs, never stale) and an optional explicit flow id
 * @returns status, flow id, outcome and error
 * @throws BffError through `onError`: the flow's code (`access_denied`, `state_mismatch`, ...)
 *   or a read failure (`flow_not_found`, `flow_expired`, `network_error`, ...)
 * @see docs/architecture.md §2.1 steps 5–6
 */
export function useConnectCallback(options: ConnectCallbackOptions = {}): ConnectCallback {
  const client = useBffClient()
  // The same controller as the start page: it claims the flow id once, refreshes what the flow
  // changed and fires the latest callbacks.
  const [controller] = useBffFlowController(noStart, {
    onSuccess: options.onSuccess,
    onError: options.onError,
  })
  // Read once: the URL is cleaned right after, and the id must survive that.
  const [info] = useState(() => readReturn(options.flowId))
  const flowId = options.flowId ?? info.flowId
  const inPopup = info.inPopup && flowId !== undefined
  // A flow id, when the page has one, is the better source: its outcome is the stored one.
  const landing = flowId === undefined ? info.landing : undefined

  useEffect(() => {
    if (landing === undefined) return
    cleanUrl({ [HISTORY_ERROR_KEY]: landing })
    controller.finish(`landing:${landing.id}`, landingError(landing.code))
  }, [controller, landing])

  useEffect(() => {
    if (flowId === undefined) return
    cleanUrl({ [HISTORY_KEY]: flowId })
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
  const readError = query.error ?? undefined

  useEffect(() => {
    if (flowId === undefined || inPopup) return
    if (flow?.status === 'succeeded' || flow?.status === 'failed') {
      controller.finish(flowId, flow)
    } else if (readError && !isTransientError(readError)) {
      // A transient read failure is not the flow's outcome: the page offers a retry and the
      // callbacks wait for the real answer.
      controller.finish(flowId, readError)
    }
  }, [controller, flow, flowId, inPopup, readError])

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

  const landed = useMemo(
    () => (landing === undefined ? undefined : landingError(landing.code)),
    [landing],
  )

  let status: ConnectCallbackStatus = 'loading'
  let error: BffError | undefined
  if (landed) {
    status = 'failed'
    error = landed
  } else if (flowId === undefined) status = 'idle'
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
