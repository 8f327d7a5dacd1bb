import type { BffClient } from '../api/bff-client'
import type { ConnectConsent, ConnectKind, ConnectRequestInput } from '../api/contract'
import type {
  FlowEvent,
  FlowEventType,
  FlowOptions,
  FlowOutcome,
} from '../flows/create-flow-controller'
import { useFlow } from '../internal/use-flow'
import type { FlowHandle } from '../internal/use-flow'

/** Events a connect flow reports through `onEvent`, for analytics and tests to wait on. */
export type ConnectEventType = FlowEventType

/** One connect event. */
export type ConnectEvent = FlowEvent

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

/** Options of {@link useConnectBank}: the flow parameters, mode and callbacks. */
export interface ConnectBankOptions extends ConnectParams, FlowOptions {}

/** How a `start()` call ended. Failures reject with a `BffError` instead. */
export type ConnectOutcome = FlowOutcome

/** What {@link useConnectBank} returns. */
export type ConnectBank = FlowHandle<ConnectParams>

function startConnect(client: BffClient, params: ConnectParams, returnTo: string) {
  const body: ConnectRequestInput = { kind: params.kind ?? 'ais', returnTo }
  if (params.bankId !== undefined) body.bankId = params.bankId
  if (params.connectionId !== undefined) body.connectionId = params.connectionId
  if (params.consent !== undefined) body.consent = params.consent
  if (params.oneTime !== undefined) body.oneTime = params.oneTime
  return client.request({ method: 'POST', path: '/connect', body, schema: 'connect' })
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
 * @see {@link createFlowController}, which runs the flow; docs/architecture.md §2.1
 */
export function useConnectBank(options: ConnectBankOptions = {}): ConnectBank {
  return useFlow(startConnect, { ...options, params: options })
}
