import { closedLoop, percentile } from './closed-loop'
import type { Target } from './http-get'

/** Pooled latency samples (ms) of the direct and the through-the-BFF runs. */
export interface AddedLatency {
  direct: number[]
  bff: number[]
  failed: number
}

/**
 * The same read, straight to the simulator's data API and through the BFF, each with
 * `connections` closed-loop clients, alternating in `pairs` slices of `sliceMs` (direct, BFF,
 * direct, BFF, ...) after a warm-up of each, so drift in the machine's speed falls on both.
 */
export async function addedLatency(
  targets: { direct: Target; bff: Target },
  options: { connections: number; sliceMs: number; pairs: number },
): Promise<AddedLatency> {
  const result: AddedLatency = { direct: [], bff: [], failed: 0 }
  await closedLoop(targets.direct, options.connections, options.sliceMs)
  await closedLoop(targets.bff, options.connections, options.sliceMs)
  for (let pair = 0; pair < options.pairs; pair++) {
    for (const side of ['direct', 'bff'] as const) {
      const run = await closedLoop(targets[side], options.connections, options.sliceMs)
      for (const ms of run.latencies) result[side].push(ms)
      result.failed += run.failed
    }
  }
  return result
}

/** BFF minus direct at percentile `p`. */
export function addedAt(latency: AddedLatency, p: number): number {
  return percentile(latency.bff, p) - percentile(latency.direct, p)
}
