import type { ErrorCode, FlowKind, FlowResult } from '@mhkit/shared'
import { errorMessage } from '@mhkit/shared'

import type { Clock } from '../clock'
import type { Store } from '../session/store'

/** How long a flow's outcome stays readable after it started (reloads, second tabs). */
const FLOW_TTL_MS = 60 * 60 * 1000

/**
 * How long a callback that claimed a flow has to settle it. Longer than any callback takes
 * (the token request's 10 s timeout, the JWKS fetch's 5 s with its retries, a few store round
 * trips); past it the claim holder is taken to have died (a crash or SIGKILL mid-exchange)
 * and the next reader ends the flow as failed, so no flow stays pending for the hour its
 * record lives (ISSUE 15, "never pending for an hour").
 */
export const CALLBACK_LEASE_MS = 30_000

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
   * Ends a pending flow whose claim has outlived {@link CALLBACK_LEASE_MS} (its callback died
   * mid-exchange) as `failed` with `flow_expired`. Answers the stored record either way.
   */
  settleAbandoned(flowId: string): Promise<FlowRecord | undefined>
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
 * @param store - `flow:<flowId>`, `flowstate:<state>`, `flowclaim:<flowId>` (the claim's lease
 *   deadline) and `flowdone:<flowId>` entries, {@link FLOW_TTL_MS} each
 * @param clock - time source
 */
export function createFlowRecords(store: Store, clock: Clock): FlowRecords {
  const key = (flowId: string): string => `flow:${flowId}`
  const stateKey = (state: string): string => `flowstate:${state}`
  const claimKey = (flowId: string): string => `flowclaim:${flowId}`
  const doneKey = (flowId: string): string => `flowdone:${flowId}`
  // `add` is atomic in every store: the first claimant owns the flow's outcome until its lease
  // deadline (the value) passes.
  const claim = (flowId: string): Promise<boolean> =>
    store.add(claimKey(flowId), String(clock.now() + CALLBACK_LEASE_MS), FLOW_TTL_MS)

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
    if (record.status !== 'pending') return record
    // One writer ever, also between a late claim holder and the reader that ended its flow
    // after the lease: the first to add `flowdone` writes, the other answers what was written.
    if (!(await store.add(doneKey(flowId), '1', FLOW_TTL_MS))) return get(flowId)
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
    async settleAbandoned(flowId) {
      const record = await get(flowId)
      if (record?.status !== 'pending') return record
      const deadline = Number(await store.get(claimKey(flowId)))
      // No claim (NaN): nobody took the transaction yet; the 10-minute expiry applies instead.
      if (!(clock.now() >= deadline)) return record
      return settle(flowId, failure('flow_expired'))
    },
    succeed: (flowId, result, sessionHash) =>
      settle(flowId, { status: 'succeeded', result, sessionHash }),
    fail: (flowId, code) => settle(flowId, failure(code)),
    async failUnclaimed(flowId, code) {
      if (!(await claim(flowId))) return get(flowId)
      return settle(flowId, failure(code))
    },
  }
}
