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

type Side = 'direct' | 'bff' | 'bare'

/**
 * The same read, straight to the simulator's data API, through the BFF and (given `bare`)
 * through the bare forwarder, each with `connections` closed-loop clients, alternating in
 * `pairs` rounds of `sliceMs` slices (direct, BFF, bare, direct, ...) after a warm-up of each,
 * so drift in the machine's speed falls on all. The bare forwarder's added latency is what any
 * Node process in between costs on this machine: the floor under the BFF's.
 */
export async function addedLatency(
  targets: { direct: Target; bff: Target; bare?: Target | undefined },
  options: { connections: number; sliceMs: number; pairs: number },
): Promise<AddedLatency> {
  const result: AddedLatency = { direct: [], bff: [], bare: [], failed: 0 }
  const sides: Side[] = targets.bare === undefined ? ['direct', 'bff'] : ['direct', 'bff', 'bare']
  const targetOf = (side: Side): Target => targets[side] ?? targets.direct
  for (const side of sides) await closedLoop(targetOf(side), options.connections, options.sliceMs)
  for (let pair = 0; pair < options.pairs; pair++) {
    for (const side of sides) {
      const run = await closedLoop(targetOf(side), options.connections, options.sliceMs)
      for (const ms of run.latencies) result[side].push(ms)
      result.failed += run.failed
    }
  }
  return result
}

/** BFF (or, with `side`, the bare forwarder) minus direct at percentile `p`. */
export function addedAt(latency: AddedLatency, p: number, side: 'bff' | 'bare' = 'bff'): number {
  return percentile(latency[side], p) - percentile(latency.direct, p)
}
