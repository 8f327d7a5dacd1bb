import { useQueryClient } from '@tanstack/react-query'
import type { QueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { BffClient } from '../api/bff-client'
import { BffError, toBffError } from '../api/bff-error'
import type {
  ConnectConsent,
  ConnectKind,
  ConnectRequestInput,
  FlowResponse,
} from '../api/contract'
import { useBffClient } from '../api/mhkit-context'
import { connectReducer, initialConnectState, isConnectActive } from '../internal/connect-machine'
import type {
  ConnectAction,
  ConnectMode,
  ConnectState,
  ConnectStatus,
} from '../internal/connect-machine'
import { claimFlow } from '../internal/flow-guard'
import { listenForFlowReturned } from '../internal/flow-messages'
import { closePopup, openBlankPopup, withPopupMarker } from '../internal/popup-window'
import type { PopupSize } from '../internal/popup-window'
import { useLatest } from '../internal/use-latest'
import { connectionDependentKeys } from '../query-options/mhkit-keys'
import { flowQueryOptions } from '../query-options/flow-query'

/** Events a connect flow reports through `onEvent`, for analytics and tests to wait on. */
export type ConnectEventType =
  | 'started'
  | 'popup_opened'
  | 'popup_blocked'
  | 'url_ready'
  | 'redirecting'
  | 'returned'
  | 'popup_closed'
  | 'succeeded'
  | 'failed'
  | 'cancelled'

/** One connect event. */
export interface ConnectEvent {
  type: ConnectEventType
  /** The flow id, once the BFF has issued one. */
  flowId?: string
  /** The mode actually used (popup falls back to redirect when blocked). */
  mode: ConnectMode
}

/** What a flow is started with; every field may also be given per call to `start()`. */
export interface ConnectParams {
  /** `ais` (connect a new bank, default), `reauth`, `reconsent` or `refresh`. */
  kind?: ConnectKind
  /** Preselect a bank (skips Moneyhub's bank chooser); `ais` only. */
  bankId?: string
  /** The existing connection to reauthorise, reconsent or refresh. */
  connectionId?: string
  /** Consent window and permissions (`ais`; `reconsent` takes only `expirationDateTime`). */
  consent?: ConnectConsent
  /** One-time access instead of an ongoing consent; `ais` only. */
  oneTime?: boolean
  /**
   * Same-origin path the BFF sends the browser back to, with `?flow=<flowId>`; mount
   * `<ConnectCallback>` there. Default: the current page's path.
   */
  returnTo?: string
}

/** Options of {@link useConnectBank}. */
export interface ConnectBankOptions extends ConnectParams {
  /** `redirect` (default) leaves the page; `popup` keeps it and shows the bank in a window. */
  mode?: ConnectMode
  /** Popup window size. */
  popup?: PopupSize
  /** How to leave the page in redirect mode. Default `window.location.assign`. */
  navigate?: (url: string) => void
  /** How often (ms) to check whether the user closed the popup. Default 500. */
  popupPollInterval?: number
  /** The flow succeeded (popup mode; in redirect mode the return page's callback fires). */
  onSuccess?: (flow: FlowResponse) => void
  /** The flow failed; `error.code` says why (`access_denied`, `network_error`, ...). */
  onError?: (error: BffError) => void
  /** The user closed the popup, or `reset()` was called, before the flow finished. */
  onCancel?: () => void
  /** Alias of `onCancel`, for those used to Plaid's naming. */
  onExit?: () => void
  /** Every step of the flow (see {@link ConnectEventType}). */
  onEvent?: (event: ConnectEvent) => void
}

/** How a `start()` call ended. Failures reject with a {@link BffError} instead. */
export type ConnectOutcome =
  | { status: 'redirecting'; flowId: string }
  | { status: 'succeeded'; flow: FlowResponse }
  | { status: 'cancelled'; flowId: string | undefined }

/** What {@link useConnectBank} returns. */
export interface ConnectBank {
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
  start: (params?: ConnectParams) => Promise<ConnectOutcome>
  /** Abandons the current flow (closing its popup) and returns to `idle`. */
  reset: () => void
}

interface Attempt {
  id: number
  popup: Window | null
  cleanup: Array<() => void>
  settle: (outcome: ConnectOutcome) => void
}

const PENDING_RETRIES = 10

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function currentPath(): string {
  return typeof window === 'undefined' ? '/' : window.location.pathname
}

function requestBody(params: ConnectParams, mode: ConnectMode): ConnectRequestInput {
  const returnTo = params.returnTo ?? currentPath()
  const body: ConnectRequestInput = {
    kind: params.kind ?? 'ais',
    returnTo: mode === 'popup' ? withPopupMarker(returnTo) : returnTo,
  }
  if (params.bankId !== undefined) body.bankId = params.bankId
  if (params.connectionId !== undefined) body.connectionId = params.connectionId
  if (params.consent !== undefined) body.consent = params.consent
  if (params.oneTime !== undefined) body.oneTime = params.oneTime
  return body
}

async function readSettledFlow(
  queryClient: QueryClient,
  client: BffClient,
  flowId: string,
  pollInterval: number,
): Promise<FlowResponse> {
  const options = flowQueryOptions(client, flowId)
  let flow = await queryClient.fetchQuery({ ...options, staleTime: 0 })
  // The BFF stores the outcome before its 303, so "pending" here means the popup was closed
  // early or a message raced the callback: re-read a few times before calling it pending.
  for (let i = 0; flow.status === 'pending' && i < PENDING_RETRIES; i++) {
    await wait(pollInterval)
    flow = await queryClient.fetchQuery({ ...options, staleTime: 0 })
  }
  return flow
}

/**
 * Connects a bank (or reauthorises, reconsents or refreshes a connection) through the BFF, as
 * an explicit state machine: idle → preparing → awaiting-user → completing → succeeded |
 * failed | cancelled.
 *
 * `start()` asks the BFF for a fresh PAR-backed URL at click time (`POST /api/connect`), so a
 * short-lived `request_uri` is never stale. Redirect mode (default) navigates to it; the
 * return page's {@link useConnectCallback} finishes. Popup mode opens a blank window inside the
 * click, points it at the URL, waits for the callback page to report back (or for the user to
 * close the window → `cancelled`), then reads `GET /api/flows/:flowId`. A blocked popup emits
 * `popup_blocked` and falls back to redirect. Callbacks are read from refs: passing new
 * functions never restarts anything and the latest ones are always called.
 *
 * @param options - flow parameters, mode and callbacks
 * @returns state, `start()` and `reset()`
 * @throws BffError through `start()` and `onError`: `network_error`, `invalid_response`,
 *   `invalid_request`, `unauthenticated`, `access_denied`, `flow_expired`, ...
 * @see ARCHITECTURE.md "Connect a bank"; connect-kit-lessons (b) 1, 5, 6, 8
 */
export function useConnectBank(options: ConnectBankOptions = {}): ConnectBank {
  const client = useBffClient()
  const queryClient = useQueryClient()
  const optionsRef = useLatest(options)
  const [state, setState] = useState<ConnectState>(initialConnectState)
  const stateRef = useRef<ConnectState>(initialConnectState)
  const attemptRef = useRef<Attempt | undefined>(undefined)
  const promiseRef = useRef<Promise<ConnectOutcome> | undefined>(undefined)
  const nextId = useRef(0)

  const emit = useCallback(
    (type: ConnectEventType, mode: ConnectMode, flowId?: string) => {
      optionsRef.current.onEvent?.(flowId === undefined ? { type, mode } : { type, mode, flowId })
    },
    [optionsRef],
  )

  const dispatch = useCallback((action: ConnectAction) => {
    const next = connectReducer(stateRef.current, action)
    if (next === stateRef.current) return false
    stateRef.current = next
    setState(next)
    return true
  }, [])

  const endAttempt = useCallback((attempt: Attempt, closeWindow: boolean) => {
    for (const stop of attempt.cleanup.splice(0)) stop()
    if (closeWindow) closePopup(attempt.popup)
    if (attemptRef.current === attempt) attemptRef.current = undefined
  }, [])

  const cancel = useCallback(
    (attempt: Attempt, mode: ConnectMode, flowId: string | undefined) => {
      endAttempt(attempt, true)
      if (!dispatch({ type: 'cancelled' })) return
      emit('cancelled', mode, flowId)
      optionsRef.current.onCancel?.()
      optionsRef.current.onExit?.()
      attempt.settle({ status: 'cancelled', flowId })
    },
    [dispatch, emit, endAttempt, optionsRef],
  )

  const run = useCallback(
    async (attempt: Attempt, params: ConnectParams, mode: ConnectMode): Promise<ConnectOutcome> => {
      const live = () => attemptRef.current === attempt
      const started = await client.request({
        method: 'POST',
        path: '/connect',
        body: requestBody(params, mode),
        schema: 'connect',
      })
      if (!live()) return { status: 'cancelled', flowId: started.flowId }
      const { flowId, url } = started
      emit('url_ready', mode, flowId)

      if (mode === 'redirect') {
        dispatch({ type: 'prepared', mode, flowId, url })
        emit('redirecting', mode, flowId)
        const navigate = optionsRef.current.navigate ?? ((to: string) => window.location.assign(to))
        navigate(url)
        return { status: 'redirecting', flowId }
      }

      const popup = attempt.popup
      if (!popup || popup.closed) {
        // The user closed the blank window before the URL arrived.
        emit('popup_closed', mode, flowId)
        cancel(attempt, mode, flowId)
        return { status: 'cancelled', flowId }
      }
      popup.location.href = url
      dispatch({ type: 'prepared', mode, flowId, url })

      const pollInterval = optionsRef.current.popupPollInterval ?? 500
      const how = await new Promise<'returned' | 'closed'>((resolve) => {
        attempt.cleanup.push(
          listenForFlowReturned((returnedId) => {
            if (returnedId === flowId) resolve('returned')
          }),
        )
        const timer = setInterval(() => {
          if (popup.closed) resolve('closed')
        }, pollInterval)
        attempt.cleanup.push(() => clearInterval(timer))
        // reset() or unmount: settle this wait so the promise chain ends.
        attempt.cleanup.push(() => resolve('closed'))
      })
      if (!live()) return { status: 'cancelled', flowId }
      for (const stop of attempt.cleanup.splice(0)) stop()

      let flow: FlowResponse
      if (how === 'closed') {
        emit('popup_closed', mode, flowId)
        // A close can race the callback page's message: ask the BFF once before cancelling.
        flow = await queryClient.fetchQuery({ ...flowQueryOptions(client, flowId), staleTime: 0 })
        if (!live()) return { status: 'cancelled', flowId }
        if (flow.status === 'pending') {
          cancel(attempt, mode, flowId)
          return { status: 'cancelled', flowId }
        }
        dispatch({ type: 'returned', flowId })
      } else {
        dispatch({ type: 'returned', flowId })
        emit('returned', mode, flowId)
        closePopup(popup)
        flow = await readSettledFlow(queryClient, client, flowId, pollInterval)
        if (!live()) return { status: 'cancelled', flowId }
      }

      if (flow.status === 'pending') {
        throw new BffError('flow_expired', 'The bank did not report back in time.')
      }
      claimFlow(flowId)
      await Promise.all(
        connectionDependentKeys().map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      )
      if (flow.status === 'failed') {
        const code = flow.error?.code ?? 'internal_error'
        throw new BffError(code, flow.error?.message ?? 'The flow failed.')
      }
      endAttempt(attempt, true)
      dispatch({ type: 'succeeded', flow })
      emit('succeeded', mode, flowId)
      optionsRef.current.onSuccess?.(flow)
      return { status: 'succeeded', flow }
    },
    [cancel, client, dispatch, emit, endAttempt, optionsRef, queryClient],
  )

  const start = useCallback(
    (params: ConnectParams = {}): Promise<ConnectOutcome> => {
      const active = attemptRef.current
      if (isConnectActive(stateRef.current) && active && promiseRef.current) {
        // A second click while a flow is under way joins it instead of starting another.
        active.popup?.focus()
        return promiseRef.current
      }
      const merged: ConnectBankOptions = { ...optionsRef.current, ...params }
      let mode: ConnectMode = merged.mode ?? 'redirect'
      let popup: Window | null = null
      if (mode === 'popup') {
        // Synchronously, before any await, or the browser blocks the window.
        popup = openBlankPopup(merged.popup)
        if (popup) {
          emit('popup_opened', mode)
        } else {
          emit('popup_blocked', mode)
          mode = 'redirect'
        }
      }
      let settle: (outcome: ConnectOutcome) => void = () => undefined
      const settled = new Promise<ConnectOutcome>((resolve) => {
        settle = resolve
      })
      const attempt: Attempt = { id: ++nextId.current, popup, cleanup: [], settle }
      attemptRef.current = attempt
      dispatch({ type: 'start', mode })
      emit('started', mode)

      const promise = Promise.race([
        run(attempt, merged, mode).catch((thrown: unknown) => {
          const error = toBffError(thrown)
          const flowId = 'flowId' in stateRef.current ? stateRef.current.flowId : undefined
          const live = attemptRef.current === attempt
          endAttempt(attempt, true)
          if (!live) return { status: 'cancelled', flowId } satisfies ConnectOutcome
          dispatch({ type: 'failed', error })
          emit('failed', mode, flowId)
          optionsRef.current.onError?.(error)
          throw error
        }),
        settled,
      ])
      promiseRef.current = promise
      return promise
    },
    [dispatch, emit, endAttempt, optionsRef, run],
  )

  const reset = useCallback(() => {
    const attempt = attemptRef.current
    const state = stateRef.current
    if (attempt && isConnectActive(state)) {
      const flowId = 'flowId' in state ? state.flowId : undefined
      cancel(attempt, 'mode' in state ? state.mode : 'redirect', flowId)
    }
    dispatch({ type: 'reset' })
  }, [cancel, dispatch])

  // Redirect mode: a page restored from the back/forward cache still says "awaiting-user"
  // although the user came back without finishing; treat that as a cancel so the button works.
  useEffect(() => {
    const onPageShow = (event: PageTransitionEvent) => {
      const current = stateRef.current
      const attempt = attemptRef.current
      if (event.persisted && current.status === 'awaiting-user' && attempt) {
        cancel(attempt, current.mode, current.flowId)
      }
    }
    window.addEventListener('pageshow', onPageShow)
    return () => window.removeEventListener('pageshow', onPageShow)
  }, [cancel])

  // Unmount: stop listening and close a popup nobody is waiting for any more.
  useEffect(
    () => () => {
      const attempt = attemptRef.current
      if (attempt) endAttempt(attempt, true)
    },
    [endAttempt],
  )

  return {
    state,
    status: state.status,
    error: state.status === 'failed' ? state.error : undefined,
    flow: state.status === 'succeeded' ? state.flow : undefined,
    isBusy: isConnectActive(state),
    start,
    reset,
  }
}
