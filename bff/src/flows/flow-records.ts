import type { ErrorCode, FlowKind, FlowResult } from '@mhkit/shared'
import { errorMessage } from '@mhkit/shared'

import type { Clock } from '../clock'
import type { Store } from '../session/store'

/** How long a flow's outcome stays readable after it started (reloads, second tabs). */
export const FLOW_TTL_MS = 60 * 60 * 1000

/** The stored outcome of one browser-started flow (connect now, payments later). */
export interface FlowRecord {
  flowId: string
  kind: FlowKind
  status: 'pending' | 'succeeded' | 'failed'
  returnTo: string
  createdAt: number
  /** When the login transaction behind the flow lapses; a pending flow after it has expired. */
  txExpiresAt: number
  /**
   * sha256 of the login-transaction cookie of the browser that started the flow: only that
   * browser may read the outcome (see {@link ownsFlow}).
   */
  browserHash: string
  /**
   * Store key (hash) of the session that may also read the outcome: the starting session, and
   * after a success the session the flow signed in (the transaction cookie lives 10 minutes,
   * the outcome an hour).
   */
  sessionHash?: string
  result?: FlowResult
  error?: { code: ErrorCode; message: string }
}

/** Flow outcomes keyed by flow id, plus the OAuth `state` → flow id index. */
export interface FlowRecords {
  create(record: FlowRecord, state: string): Promise<void>
  get(flowId: string): Promise<FlowRecord | undefined>
  /** The flow started with this `state`, if it is still remembered. */
  byState(state: string): Promise<FlowRecord | undefined>
  /** Remembers the latest flow a browser started (for error callbacks that carry no state). */
  rememberForBrowser(browserHash: string, flowId: string, ttlMs: number): Promise<void>
  /** The latest flow the browser started, while its transaction lives. */
  latestForBrowser(browserHash: string): Promise<FlowRecord | undefined>
  /**
   * Reserves the right to write the flow's outcome, atomically: of any number of concurrent
   * callers (across processes for SQLite and Redis) exactly one gets `true`. The callback that
   * took the login transaction claims its flow before the code exchange, so nobody else (a
   * `GET /api/flows/:id` after the transaction's lapse, a losing callback) can expire it while
   * the winner exchanges the code.
   */
  claim(flowId: string): Promise<boolean>
  /**
   * Writes the outcome of a flow the caller has {@link FlowRecords.claim}ed.
   *
   * @param sessionHash - the session the flow signed in, which may read the outcome from now on
   */
  succeed(flowId: string, result: FlowResult, sessionHash: string): Promise<FlowRecord | undefined>
  /** Writes the failure of a flow the caller has {@link FlowRecords.claim}ed. */
  fail(flowId: string, code: ErrorCode): Promise<FlowRecord | undefined>
  /**
   * Ends a pending flow as failed unless someone else has claimed it (a lapsed transaction, an
   * error callback without state): claims and writes in one call. Answers the stored record
   * either way, so a flow whose transaction was taken stays `pending` until its winner settles.
   */
  failUnclaimed(flowId: string, code: ErrorCode): Promise<FlowRecord | undefined>
}

/**
 * Creates {@link FlowRecords} over a {@link Store}.
 *
 * @param store - `flow:<flowId>`, `flowstate:<state>` and `flowclaim:<flowId>` entries,
 *   {@link FLOW_TTL_MS} each
 * @param clock - time source
 */
export function createFlowRecords(store: Store, clock: Clock): FlowRecords {
  const key = (flowId: string): string => `flow:${flowId}`
  const stateKey = (state: string): string => `flowstate:${state}`
  const claimKey = (flowId: string): string => `flowclaim:${flowId}`
  // `add` is atomic in every store: the first claimant owns the flow's outcome.
  const claim = (flowId: string): Promise<boolean> => store.add(claimKey(flowId), '1', FLOW_TTL_MS)

  async function get(flowId: string): Promise<FlowRecord | undefined> {
    const raw = await store.get(key(flowId))
    return raw === undefined ? undefined : (JSON.parse(raw) as FlowRecord)
  }

  const failure = (code: ErrorCode): Partial<FlowRecord> => ({
    status: 'failed',
    error: { code, message: errorMessage(code) },
  })

  async function settle(
    flowId: string,
    change: Partial<FlowRecord>,
  ): Promise<FlowRecord | undefined> {
    const record = await get(flowId)
    if (record === undefined) return undefined
    // Only the claim holder gets here, so nobody writes between this read and the write below;
    // the status check keeps a settled outcome final whatever a caller does.
    if (record.status !== 'pending') return record
    const next: FlowRecord = { ...record, ...change }
    const ttl = record.createdAt + FLOW_TTL_MS - clock.now()
    if (ttl > 0) await store.set(key(flowId), JSON.stringify(next), ttl)
    return next
  }

  return {
    async create(record, state) {
      await store.set(key(record.flowId), JSON.stringify(record), FLOW_TTL_MS)
      await store.set(stateKey(state), record.flowId, FLOW_TTL_MS)
    },
    get,
    async byState(state) {
      const flowId = await store.get(stateKey(state))
      return flowId === undefined ? undefined : get(flowId)
    },
    rememberForBrowser: (browserHash, flowId, ttlMs) =>
      store.set(`browserflow:${browserHash}`, flowId, ttlMs),
    async latestForBrowser(browserHash) {
      const flowId = await store.get(`browserflow:${browserHash}`)
      return flowId === undefined ? undefined : get(flowId)
    },
    claim,
    succeed: (flowId, result, sessionHash) =>
      settle(flowId, { status: 'succeeded', result, sessionHash }),
    fail: (flowId, code) => settle(flowId, failure(code)),
    async failUnclaimed(flowId, code) {
      if (!(await claim(flowId))) return get(flowId)
      return settle(flowId, failure(code))
    },
  }
}
