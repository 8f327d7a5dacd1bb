import { median } from './closed-loop'
import { getOnce, keepAliveAgent, type Target } from './http-get'

/** The slowest answer (ms) of each burst, per side, and the requests that failed. */
export interface BurstLatency {
  direct: number[]
  bff: number[]
  bare: number[]
  failed: number
}

/**
 * `size` requests sent at the same instant, each on its own already-open keep-alive
 * connection: resolves with the slowest one's latency. A process in between takes such a herd
 * in one request after another, so the last one goes upstream only after the work on all the
 * others: where the closed loop measures a steady stream, this measures a spike.
 */
async function slowestOf(
  agent: ReturnType<typeof keepAliveAgent>,
  target: Target,
  size: number,
): Promise<{ slowest: number; failed: number }> {
  const sentAt = performance.now()
  const statuses = await Promise.all(
    Array.from({ length: size }, async () => {
      const status = await getOnce(agent, target)
      return { status, ms: performance.now() - sentAt }
    }),
  )
  return {
    slowest: Math.max(...statuses.map((s) => s.ms)),
    failed: statuses.filter((s) => s.status !== 200).length,
  }
}

/**
 * `rounds` bursts of `size` simultaneous requests to each side in turn (direct, BFF, bare, ...),
 * each side over its own pool of `size` connections opened by a first, unrecorded burst.
 * `gapMs` between bursts lets every answer of one burst land before the next.
 */
export async function burstLatency(
  targets: { direct: Target; bff: Target; bare: Target },
  options: { size: number; rounds: number; gapMs: number },
): Promise<BurstLatency> {
  const result: BurstLatency = { direct: [], bff: [], bare: [], failed: 0 }
  const sides = (['direct', 'bff', 'bare'] as const).map((side) => ({
    side,
    target: targets[side],
    agent: keepAliveAgent(options.size),
  }))
  const pause = () => new Promise((resolve) => setTimeout(resolve, options.gapMs))
  try {
    for (const { target, agent } of sides) {
      await slowestOf(agent, target, options.size)
      await pause()
    }
    for (let round = 0; round < options.rounds; round++) {
      for (const { side, target, agent } of sides) {
        const burst = await slowestOf(agent, target, options.size)
        result[side].push(burst.slowest)
        result.failed += burst.failed
        await pause()
      }
    }
  } finally {
    for (const { agent } of sides) agent.destroy()
  }
  return result
}

/** The median over bursts of the BFF's (or the bare forwarder's) slowest answer minus direct's. */
export function burstAdded(bursts: BurstLatency, side: 'bff' | 'bare'): number {
  return median(bursts[side]) - median(bursts.direct)
}
