import { BffError, toBffError } from '../api/bff-error'
import type { FlowResponse } from '../api/contract'
import { connectReducer, initialConnectState, isConnectActive } from '../internal/connect-machine'
import type { ConnectAction, ConnectMode, ConnectState } from '../internal/connect-machine'
import { claimFlow } from '../internal/flow-guard'
import { listenForFlowReturned } from '../internal/flow-messages'
import { closePopup, openBlankPopup, withPopupMarker } from '../internal/popup-window'
import type { PopupSize } from '../internal/popup-window'

/** Events a redirect flow reports through `onEvent`, for analytics and tests to wait on. */
export type FlowEventType =
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

/** One flow event. */
export interface FlowEvent {
  type: FlowEventType
  /** The flow id, once the BFF has issued one. */
  flowId?: string
  /** The mode actually used (popup falls back to redirect when blocked). */
  mode: ConnectMode
}

/** How a `start()` call ended. Failures reject with a {@link BffError} instead. */
export type FlowOutcome =
  | { status: 'redirecting'; flowId: string }
  | { status: 'succeeded'; flow: FlowResponse }
  | { status: 'cancelled'; flowId: string | undefined }

/** Callbacks and presentation shared by every redirect flow (connect, pay, refund, VRP, …). */
export interface FlowOptions {
  /** `redirect` (default) leaves the page; `popup` keeps it and shows the bank in a window. */
  mode?: ConnectMode
  /** Popup window size. */
  popup?: PopupSize
  /** How to leave the page in redirect mode. Default `window.location.assign`. */
  navigate?: (url: string) => void
  /** How often (ms) to check whether the user closed the popup. Default 500. */
  popupPollInterval?: number
  /** The flow succeeded (popup mode, or the return page in redirect mode). */
  onSuccess?: ((flow: FlowResponse) => void) | undefined
  /** The flow failed; `error.code` says why (`access_denied`, `network_error`, ...). */
  onError?: ((error: BffError) => void) | undefined
  /** The user closed the popup, or the flow was cancelled, before it finished. */
  onCancel?: (() => void) | undefined
  /** Every step of the flow (see {@link FlowEventType}). */
  onEvent?: ((event: FlowEvent) => void) | undefined
}

/** What the controller needs from the outside world: the BFF calls, injected. */
export interface FlowControllerOptions<
  P extends { returnTo?: string | undefined },
> extends FlowOptions {
  /** Parameters merged under those given to `start()`. */
  params?: P
  /**
   * Asks the BFF for a fresh PAR-backed URL (`POST /api/connect`, `/api/payments`, …).
   * `returnTo` already carries the popup marker in popup mode.
   */
  begin: (params: P, returnTo: string) => Promise<{ flowId: string; url: string }>
  /** Reads the stored outcome, fresh (`GET /api/flows/:flowId`). */
  readFlow: (flowId: string) => Promise<FlowResponse>
  /** Runs once a flow settled, before the callbacks: refresh what it changed. */
  onSettled?: (flow: FlowResponse | undefined) => Promise<unknown> | void
}

/** A framework-free redirect-flow controller; hooks subscribe to it. */
export interface FlowController<P extends { returnTo?: string | undefined }> {
  /** The current state (the same object until something changes). */
  getState: () => ConnectState
  /** Calls `listener` after every state change; returns the unsubscribe function. */
  subscribe: (listener: () => void) => () => void
  /**
   * Starts a flow; call it directly in a click handler (popup mode opens the window
   * synchronously). A second call while a flow runs joins it.
   *
   * @throws BffError (rejects) when the flow fails
   */
  start: (params?: Partial<P>) => Promise<FlowOutcome>
  /** Abandons a running flow (closing its popup): `cancelled`, `onCancel`. */
  cancel: () => void
  /** Abandons a running flow and returns to `idle`. */
  reset: () => void
  /**
   * Applies the stored outcome of a flow that came back to this page (the redirect return
   * page): once per flow id in this tab — not again under StrictMode, on reload or back — it
   * refreshes caches, moves to `succeeded`/`failed` and fires `onSuccess`/`onError`.
   *
   * @returns whether this call applied it (false when it was already handled)
   */
  finish: (flowId: string, outcome: FlowResponse | BffError) => boolean
  /** Replaces the options (latest callbacks win; a running flow is not restarted). */
  setOptions: (options: FlowControllerOptions<P>) => void
  /**
   * Attaches to the page (the back/forward-cache listener); the returned function detaches and
   * closes a popup nobody waits for any more. Safe to call again after detaching (StrictMode).
   */
  mount: () => () => void
}

interface Attempt {
  popup: Window | null
  cleanup: Array<() => void>
  settle: (outcome: FlowOutcome) => void
}

const PENDING_RETRIES = 10

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

const flowIdOf = (state: ConnectState) => ('flowId' in state ? state.flowId : undefined)

function outcomeError(flow: FlowResponse): BffError {
  return new BffError(
    flow.error?.code ?? 'internal_error',
    flow.error?.message ?? 'The flow failed.',
  )
}

/**
 * Creates the controller behind every redirect flow of the kit — connect a bank, pay, refund,
 * VRP consent, standing order — as TanStack Query's `MutationObserver` sits behind
 * `useMutation`: no React, an explicit state machine (`internal/connect-machine.ts`: idle →
 * preparing → awaiting-user → completing → succeeded | failed | cancelled), `subscribe` and
 * `getState` for `useSyncExternalStore`.
 *
 * `start()` asks the BFF for a fresh URL at click time. Redirect mode navigates to it (the return
 * page calls `finish()`); popup mode opens a blank window inside the click, points it at the URL,
 * waits for the callback page to report back (or for the user to close the window →
 * `cancelled`, after asking the BFF once), then reads the stored outcome. A blocked popup emits
 * `popup_blocked` and falls back to redirect. Late events of an abandoned attempt are ignored.
 *
 * @param initial - the BFF calls (`begin`, `readFlow`), `onSettled`, mode and callbacks
 * @returns the controller
 */
export function createFlowController<P extends { returnTo?: string | undefined }>(
  initial: FlowControllerOptions<P>,
): FlowController<P> {
  let options = initial
  let state: ConnectState = initialConnectState
  let attempt: Attempt | undefined
  let running: Promise<FlowOutcome> | undefined
  const listeners = new Set<() => void>()

  const emit = (type: FlowEventType, mode: ConnectMode, flowId?: string) =>
    options.onEvent?.(flowId === undefined ? { type, mode } : { type, mode, flowId })

  const dispatch = (action: ConnectAction): boolean => {
    const next = connectReducer(state, action)
    if (next === state) return false
    state = next
    for (const listener of listeners) listener()
    return true
  }

  const endAttempt = (ended: Attempt) => {
    for (const stop of ended.cleanup.splice(0)) stop()
    closePopup(ended.popup)
    if (attempt === ended) attempt = undefined
  }

  const cancelAttempt = (ended: Attempt, mode: ConnectMode, flowId: string | undefined) => {
    endAttempt(ended)
    if (!dispatch({ type: 'cancelled' })) return
    emit('cancelled', mode, flowId)
    options.onCancel?.()
    ended.settle({ status: 'cancelled', flowId })
  }

  // Moves to the outcome and fires the callbacks; the caller has claimed the flow id.
  const apply = (flowId: string, outcome: FlowResponse | BffError, mode: ConnectMode) => {
    const flow = outcome instanceof BffError ? undefined : outcome
    const refreshed = options.onSettled?.(flow)
    if (state.status !== 'completing' || state.flowId !== flowId) {
      dispatch({ type: 'resume', flowId })
    }
    if (flow?.status === 'succeeded') {
      dispatch({ type: 'succeeded', flow })
      emit('succeeded', mode, flowId)
      options.onSuccess?.(flow)
    } else {
      const error = flow ? outcomeError(flow) : (outcome as BffError)
      dispatch({ type: 'failed', error })
      emit('failed', mode, flowId)
      options.onError?.(error)
    }
    return refreshed
  }

  const readSettled = async (flowId: string, pollInterval: number) => {
    let flow = await options.readFlow(flowId)
    // The BFF stores the outcome before its 303, so "pending" here means a message raced the
    // callback: re-read a few times before calling it pending.
    for (let i = 0; flow.status === 'pending' && i < PENDING_RETRIES; i++) {
      await wait(pollInterval)
      flow = await options.readFlow(flowId)
    }
    return flow
  }

  type RunResult = FlowOutcome | { status: 'failed'; error: BffError }

  const run = async (current: Attempt, params: P, mode: ConnectMode): Promise<RunResult> => {
    const live = () => attempt === current
    const returnTo = params.returnTo ?? (typeof window === 'undefined' ? '/' : location.pathname)
    const { flowId, url } = await options.begin(
      params,
      mode === 'popup' ? withPopupMarker(returnTo) : returnTo,
    )
    if (!live()) return { status: 'cancelled', flowId }
    emit('url_ready', mode, flowId)

    if (mode === 'redirect') {
      dispatch({ type: 'prepared', mode, flowId, url })
      emit('redirecting', mode, flowId)
      ;(options.navigate ?? ((to: string) => window.location.assign(to)))(url)
      return { status: 'redirecting', flowId }
    }

    const popup = current.popup
    if (!popup || popup.closed) {
      // The user closed the blank window before the URL arrived.
      emit('popup_closed', mode, flowId)
      cancelAttempt(current, mode, flowId)
      return { status: 'cancelled', flowId }
    }
    popup.location.href = url
    dispatch({ type: 'prepared', mode, flowId, url })

    const pollInterval = options.popupPollInterval ?? 500
    const how = await new Promise<'returned' | 'closed'>((resolve) => {
      current.cleanup.push(
        listenForFlowReturned((returnedId) => {
          if (returnedId === flowId) resolve('returned')
        }),
      )
      const timer = setInterval(() => {
        if (popup.closed) resolve('closed')
      }, pollInterval)
      current.cleanup.push(() => clearInterval(timer))
      // cancel() or unmount: settle this wait so the promise chain ends.
      current.cleanup.push(() => resolve('closed'))
    })
    if (!live()) return { status: 'cancelled', flowId }
    for (const stop of current.cleanup.splice(0)) stop()

    let flow: FlowResponse
    if (how === 'closed') {
      emit('popup_closed', mode, flowId)
      // A close can race the callback page's message: ask the BFF once before cancelling.
      flow = await options.readFlow(flowId)
      if (!live()) return { status: 'cancelled', flowId }
      if (flow.status === 'pending') {
        cancelAttempt(current, mode, flowId)
        return { status: 'cancelled', flowId }
      }
      dispatch({ type: 'returned', flowId })
    } else {
      dispatch({ type: 'returned', flowId })
      emit('returned', mode, flowId)
      closePopup(popup)
      flow = await readSettled(flowId, pollInterval)
      if (!live()) return { status: 'cancelled', flowId }
    }
    if (flow.status === 'pending') {
      throw new BffError('flow_expired', 'The bank did not report back in time.')
    }
    // This tab handled it: a callback page reloaded later shows it without firing again.
    claimFlow(flowId)
    endAttempt(current)
    await apply(flowId, flow, mode)
    return flow.status === 'succeeded'
      ? { status: 'succeeded', flow }
      : { status: 'failed', error: outcomeError(flow) }
  }

  const start = (params: Partial<P> = {}): Promise<FlowOutcome> => {
    if (isConnectActive(state) && attempt && running) {
      // A second click while a flow is under way joins it instead of starting another.
      attempt.popup?.focus()
      return running
    }
    const merged = { ...options.params, ...params } as P
    let mode: ConnectMode = options.mode ?? 'redirect'
    let popup: Window | null = null
    if (mode === 'popup') {
      // Synchronously, before any await, or the browser blocks the window.
      popup = openBlankPopup(options.popup)
      if (popup) {
        emit('popup_opened', mode)
      } else {
        emit('popup_blocked', mode)
        mode = 'redirect'
      }
    }
    let settle: (outcome: FlowOutcome) => void = () => undefined
    const settled = new Promise<FlowOutcome>((resolve) => {
      settle = resolve
    })
    const current: Attempt = { popup, cleanup: [], settle }
    attempt = current
    dispatch({ type: 'start', mode })
    emit('started', mode)

    const outcome = run(current, merged, mode).then(
      (result) => {
        if (result.status === 'failed') throw result.error
        return result
      },
      (thrown: unknown) => {
        const error = toBffError(thrown)
        const live = attempt === current
        endAttempt(current)
        if (!live) return { status: 'cancelled', flowId: flowIdOf(state) } satisfies FlowOutcome
        const flowId = flowIdOf(state)
        dispatch({ type: 'failed', error })
        emit('failed', mode, flowId)
        options.onError?.(error)
        throw error
      },
    )
    running = Promise.race([outcome, settled])
    return running
  }

  const cancel = () => {
    if (attempt && isConnectActive(state)) {
      cancelAttempt(attempt, 'mode' in state ? state.mode : 'redirect', flowIdOf(state))
    }
  }

  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    start,
    cancel,
    reset: () => {
      cancel()
      dispatch({ type: 'reset' })
    },
    finish: (flowId, outcome) => {
      if (!claimFlow(flowId)) return false
      void apply(flowId, outcome, 'redirect')
      return true
    },
    setOptions: (next) => {
      options = next
    },
    mount: () => {
      // Redirect mode: a page restored from the back/forward cache still says "awaiting-user"
      // although the user came back without finishing; treat that as a cancel.
      const onPageShow = (event: PageTransitionEvent) => {
        if (event.persisted && state.status === 'awaiting-user' && attempt) {
          cancelAttempt(attempt, state.mode, state.flowId)
        }
      }
      window.addEventListener('pageshow', onPageShow)
      return () => {
        window.removeEventListener('pageshow', onPageShow)
        if (attempt) endAttempt(attempt)
      }
    },
  }
}
