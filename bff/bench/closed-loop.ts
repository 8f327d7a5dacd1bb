import { getOnce, keepAliveAgent, type Target } from './http-get'

/** Latencies (ms, unsorted) of the answered requests of one run, and the failures. */
export interface ClosedLoopResult {
  latencies: number[]
  failed: number
}

/**
 * `connections` clients, each sending its next GET only when the previous one is answered
 * (closed loop), for `durationMs`. Every latency is the time from sending to the last byte,
 * kept whole, so percentiles come from the samples themselves and a slow server can never
 * show a fast minimum (the fixed-rate mode of load generators can).
 *
 * The clients start one after another, evenly over `rampMs`. Given the length of one request,
 * that spreads them over the cycle as a steady stream of users is spread; started together,
 * every client's first request lands in one herd, whose queue is the slice's start rather
 * than its steady state (docs/performance.md, "Added latency").
 */
export async function closedLoop(
  target: Target,
  connections: number,
  durationMs: number,
  rampMs = 0,
): Promise<ClosedLoopResult> {
  const agent = keepAliveAgent(connections)
  const result: ClosedLoopResult = { latencies: [], failed: 0 }
  const end = performance.now() + durationMs
  const client = async (index: number) => {
    await new Promise((resolve) => setTimeout(resolve, (index * rampMs) / connections))
    while (performance.now() < end) {
      const sentAt = performance.now()
      const status = await getOnce(agent, target)
      if (status === 200) result.latencies.push(performance.now() - sentAt)
      else result.failed++
    }
  }
  await Promise.all(Array.from({ length: connections }, (_, index) => client(index)))
  agent.destroy()
  return result
}

/** The nearest-rank `p`th percentile of `samples` (NaN for none). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ??
    Number.NaN
  )
}

/** The median of `values` (NaN for none). */
export function median(values: readonly number[]): number {
  return percentile(values, 50)
}
