import { median } from './closed-loop'
import { fixedRate } from './fixed-rate'
import type { Target } from './http-get'
import { processCpuMs } from './process-cpu'

/** A server whose CPU time is read around each slice. */
export interface MeasuredServer {
  pid: number
  target: Target
}

/** CPU ms per answered request of each slice, and the per-round ratios taken from them. */
export interface CpuPerRequest {
  bff: number[]
  bare: number[]
  essentials: number[]
  /** Per round: mean BFF ÷ bare forwarder. */
  bffOverBare: number[]
  /** Per round: essentials ÷ bare forwarder. */
  essentialsOverBare: number[]
  /** Per round: the BFF's first slice ÷ its last (the A/A control). */
  aa: number[]
  /** Requests that did not answer 200, over every slice. */
  failed: number
}

/**
 * CPU per request of the BFF, the bare forwarder and the essentials reference, in the same
 * run: each round drives them one after another at the same fixed `rate` for `sliceMs` each,
 * in the order BFF, bare, essentials, BFF (the middle two swapped every other round), and reads
 * each server's CPU time before and after its slice. A ratio is taken within a round, so a
 * change in the machine's speed between rounds (other tenants) cancels; the BFF's two slices
 * of a round, compared with each other, are the A/A control that sizes the noise left.
 */
export async function cpuPerRequest(
  servers: { bff: MeasuredServer; bare: MeasuredServer; essentials: MeasuredServer },
  options: { rate: number; sliceMs: number; rounds: number },
): Promise<CpuPerRequest> {
  const result: CpuPerRequest = {
    bff: [],
    bare: [],
    essentials: [],
    bffOverBare: [],
    essentialsOverBare: [],
    aa: [],
    failed: 0,
  }
  const slice = async (server: MeasuredServer): Promise<number> => {
    const before = processCpuMs(server.pid)
    const { ok, failed } = await fixedRate(server.target, options.rate, options.sliceMs)
    const used = processCpuMs(server.pid) - before
    result.failed += failed
    return ok === 0 ? Number.NaN : used / ok
  }
  // A warm-up slice each: JIT compilation, pools and caches settle before anything counts.
  for (const server of [servers.bff, servers.bare, servers.essentials]) await slice(server)
  result.failed = 0
  for (let round = 0; round < options.rounds; round++) {
    const first = await slice(servers.bff)
    let bare: number
    let essentials: number
    if (round % 2 === 0) {
      bare = await slice(servers.bare)
      essentials = await slice(servers.essentials)
    } else {
      essentials = await slice(servers.essentials)
      bare = await slice(servers.bare)
    }
    const last = await slice(servers.bff)
    result.bff.push(first, last)
    result.bare.push(bare)
    result.essentials.push(essentials)
    result.bffOverBare.push((first + last) / 2 / bare)
    result.essentialsOverBare.push(essentials / bare)
    result.aa.push(first / last)
  }
  return result
}

/** The median and range of per-round figures. */
export function spread(values: readonly number[]): { median: number; min: number; max: number } {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) }
}
