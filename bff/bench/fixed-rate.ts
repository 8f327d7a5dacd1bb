import { getOnce, keepAliveAgent, type Target } from './http-get'

/** What one fixed-rate slice completed. */
export interface SliceResult {
  ok: number
  failed: number
}

/**
 * Sends GETs to `target` at `rate` per second for `durationMs` (open loop: the schedule does
 * not wait for answers), then waits for every answer. Used only to hold each server at the same
 * moderate load while its CPU time is read; no latency is taken from it, because an open-loop
 * driver that falls behind its schedule misreports latency.
 */
export async function fixedRate(
  target: Target,
  rate: number,
  durationMs: number,
): Promise<SliceResult> {
  const agent = keepAliveAgent(16)
  const result: SliceResult = { ok: 0, failed: 0 }
  const inFlight = new Set<Promise<void>>()
  const started = performance.now()
  let sent = 0
  const total = Math.round((rate * durationMs) / 1000)
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - started) * rate) / 1000))
      for (; sent < due; sent++) {
        const done = getOnce(agent, target).then((status) => {
          if (status === 200) result.ok++
          else result.failed++
          inFlight.delete(done)
        })
        inFlight.add(done)
      }
      if (sent >= total) {
        clearInterval(timer)
        resolve()
      }
    }, 5)
  })
  await Promise.all(inFlight)
  agent.destroy()
  return result
}
