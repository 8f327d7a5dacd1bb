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
  succeed(flowId: string, result: FlowResult): Promise<FlowRecord | undefined>
  fail(flowId: string, code: ErrorCode): Promise<FlowRecord | undefined>
}

/**
 * Creates {@link FlowRecords} over a {@link Store}.
 *
 * @param store - `flow:<flowId>` and `flowstate:<state>` entries, {@link FLOW_TTL_MS} each
 * @param clock - time source
 */
export function createFlowRecords(store: Store, clock: Clock): FlowRecords {
  const key = (flowId: string): string => `flow:${flowId}`
  const stateKey = (state: string): string => `flowstate:${state}`

  async function get(flowId: string): Promise<FlowRecord | undefined> {
    const raw = await store.get(key(flowId))
    return raw === undefined ? undefined : (JSON.parse(raw) as FlowRecord)
  }

  async function settle(
    flowId: string,
    change: Partial<FlowRecord>,
  ): Promise<FlowRecord | undefined> {
    const record = await get(flowId)
    if (record === undefined) return undefined
    // First outcome wins: the callback is the only writer and takes its transaction once.
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
    succeed: (flowId, result) => settle(flowId, { status: 'succeeded', result }),
    fail: (flowId, code) =>
      settle(flowId, { status: 'failed', error: { code, message: errorMessage(code) } }),
  }
}
