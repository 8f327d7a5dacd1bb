import type { BffError } from '../api/bff-error'
import type { FlowResponse } from '../api/contract'

/** How the bank's pages are shown: a full-page redirect (default) or a popup window. */
export type ConnectMode = 'redirect' | 'popup'

/** Every status of a connect flow. */
export type ConnectStatus =
  'idle' | 'preparing' | 'awaiting-user' | 'completing' | 'succeeded' | 'failed' | 'cancelled'

/** State of a connect flow; each status carries exactly the data that exists in it. */
export type ConnectState =
  | { status: 'idle' }
  | { status: 'preparing'; mode: ConnectMode }
  | { status: 'awaiting-user'; mode: ConnectMode; flowId: string; url: string }
  | { status: 'completing'; mode: ConnectMode; flowId: string }
  | { status: 'succeeded'; flowId: string; flow: FlowResponse }
  | { status: 'failed'; flowId: string | undefined; error: BffError }
  | { status: 'cancelled'; flowId: string | undefined }

/** Events that move the machine. */
export type ConnectAction =
  | { type: 'start'; mode: ConnectMode }
  | { type: 'prepared'; mode: ConnectMode; flowId: string; url: string }
  | { type: 'returned'; flowId: string }
  | { type: 'resume'; flowId: string }
  | { type: 'succeeded'; flow: FlowResponse }
  | { type: 'failed'; error: BffError }
  | { type: 'cancelled' }
  | { type: 'reset' }

/** The initial state. */
export const initialConnectState: ConnectState = { status: 'idle' }

function flowIdOf(state: ConnectState): string | undefined {
  return 'flowId' in state ? state.flowId : undefined
}

/** Whether a flow is under way (a second start must not begin another one). */
export function isConnectActive(state: ConnectState): boolean {
  return (
    state.status === 'preparing' ||
    state.status === 'awaiting-user' ||
    state.status === 'completing'
  )
}

/**
 * The connect state machine: idle → preparing → awaiting-user → completing →
 * succeeded | failed | cancelled. Any event that is not a legal transition from the current
 * status leaves the state untouched (same object), so late or duplicate events — a second
 * message from the popup, a close noticed after success — cannot corrupt the outcome.
 */
export function connectReducer(state: ConnectState, action: ConnectAction): ConnectState {
  if (action.type === 'reset') return initialConnectState
  switch (state.status) {
    case 'idle':
    case 'succeeded':
    case 'failed':
    case 'cancelled':
      if (action.type === 'resume') {
        // The return page of a redirect picks up a flow that another page load started.
        return { status: 'completing', mode: 'redirect', flowId: action.flowId }
      }
      return action.type === 'start' ? { status: 'preparing', mode: action.mode } : state
    case 'preparing':
      if (action.type === 'prepared') {
        return {
          status: 'awaiting-user',
          mode: action.mode,
          flowId: action.flowId,
          url: action.url,
        }
      }
      break
    case 'awaiting-user':
      if (action.type === 'returned' && action.flowId === state.flowId) {
        return { status: 'completing', mode: state.mode, flowId: state.flowId }
      }
      break
    case 'completing':
      if (action.type === 'succeeded') {
        return { status: 'succeeded', flowId: state.flowId, flow: action.flow }
      }
      break
  }
  if (action.type === 'failed') {
    return { status: 'failed', flowId: flowIdOf(state), error: action.error }
  }
  if (action.type === 'cancelled') return { status: 'cancelled', flowId: flowIdOf(state) }
  return state
}
