import { closedLoop, percentile } from './closed-loop'
import type { Target } from './http-get'

/**
 * Pooled latency samples (ms) of the direct, the through-the-BFF and, when measured, the
 * through-the-bare-forwarder runs.
 */
export interface AddedLatency {
  direct: number[]
  bff: number[]
  bare: number[]
  failed: number
}

/**
 * The same read, straight to the simulator's data API, through the BFF and (given `bare`)
 * through the bare forwarder, each with `connections` closed-loop clients, alternating in
 * `pairs` rounds of `sliceMs` slices (direct, BFF, bare, direct, ...) after a warm-up of each,
 * so drift in the machine's speed falls on all. The bare forwarder's added latency is what any
 * Node process in between costs on this machine: the floor under the BFF's.
 */
export async function addedLatency(
  targets: { direct: Target; bff: Target; bare?: Target | undefined },
  options: { connections: number; sliceMs: number; pairs: number; upstreamDelayMs: number },
): Promise<AddedLatency> {
  const result: AddedLatency = { direct: [], bff: [], bare: [], failed: 0 }
  const sides = (['direct', 'bff', 'bare'] as const).flatMap((side) => {
    const target = targets[side]
    return target === undefined ? [] : [{ side, target }]
  })
  // One request's length is one cycle of a closed-loop client: the ramp spreads the clients
  // over it (closed-loop.ts).
  const run = (target: Target) =>
    closedLoop(target, options.connections, options.sliceMs, options.upstreamDelayMs)
  for (const { target } of sides) await run(target)
  for (let pair = 0; pair < options.pairs; pair++) {
    for (const { side, target } of sides) {
      const slice = await run(target)
      for (const ms of slice.latencies) result[side].push(ms)
      result.failed += slice.failed
    }
  }
  return result
}

/** BFF (or, with `side`, the bare forwarder) minus direct at percentile `p`. */
export function addedAt(latency: AddedLatency, p: number, side: 'bff' | 'bare' = 'bff'): number {
  return percentile(latency[side], p) - percentile(latency.direct, p)
}
