import { setTimeout as sleep } from 'node:timers/promises'
import { z } from 'zod'

/**
 * Waits at least `ms`. Node starts a timer from the event loop's cached clock, so a bare
 * `sleep(ms)` can end up to a millisecond early by `performance.now()`; a delay fault stands
 * for an upstream that takes at least its `delayMs`, and the BFF bench checks it does.
 */
async function delayAtLeast(ms: number): Promise<void> {
  const end = performance.now() + ms
  for (let left = ms; left > 0; left = end - performance.now()) await sleep(Math.ceil(left))
}

/**
 * A fault for one route key (`par`, `auth`, `token`, `token:client_credentials`,
 * `GET /v3/accounts`, `GET /users/:id/connections`, ...).
 */
export const faultSchema = z.strictObject({
  route: z.string().min(1).max(200),
  /** Answer with this status instead of handling the request. */
  status: z.number().int().min(100).max(599).optional(),
  /** Wait this long before answering (or failing). */
  delayMs: z.number().int().min(0).max(60_000).optional(),
  /** Answer 429 with this `Retry-After` (seconds). */
  retryAfter: z.number().int().min(0).max(3600).optional(),
  /** Answer with a body that is not valid JSON. */
  malformed: z.boolean().optional(),
  /** Apply to this many requests, then disappear (default: until cleared). */
  times: z.number().int().min(1).max(100_000).optional(),
})

/** A fault as the admin API takes it. */
export type Fault = z.infer<typeof faultSchema>

/** What to do with one request once faults are applied. */
export type FaultOutcome =
  | { kind: 'pass' }
  | { kind: 'respond'; status: number; headers: Record<string, string>; body: string }

/**
 * Active faults and request counters of one simulator. Route keys are `par`, `auth`, `token`,
 * `token:<grant_type>`, `discovery`, `jwks`, and `METHOD /path/pattern` for REST and data routes.
 */
export class FaultRegistry {
  private faults: (Fault & { remaining: number })[] = []
  private readonly counts = new Map<string, number>()

  /** Add a fault; faults for the same route stack in order. */
  add(fault: Fault): void {
    this.faults.push({ ...fault, remaining: fault.times ?? Infinity })
  }

  /** Remove every fault. */
  clear(): void {
    this.faults = []
  }

  /** Count one request under a key. */
  count(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1)
  }

  /** A snapshot of the counters. */
  counters(): Record<string, number> {
    return Object.fromEntries(this.counts)
  }

  /** Zero every counter. */
  resetCounters(): void {
    this.counts.clear()
  }

  /**
   * Take the first matching fault for any of the keys (most specific first), apply its delay,
   * and say how to answer.
   *
   * @param keys - Route keys of the request, most specific first.
   * @returns `pass` to handle the request normally, or the response to send.
   */
  async apply(keys: readonly string[]): Promise<FaultOutcome> {
    const fault = this.take(keys)
    if (!fault) return { kind: 'pass' }
    if (fault.delayMs) await delayAtLeast(fault.delayMs)
    if (fault.retryAfter !== undefined) {
      return {
        kind: 'respond',
        status: fault.status ?? 429,
        headers: { 'content-type': 'application/json', 'retry-after': String(fault.retryAfter) },
        body: JSON.stringify({ code: 'rate_limited', message: 'Too many requests' }),
      }
    }
    if (fault.malformed) {
      return {
        kind: 'respond',
        status: fault.status ?? 200,
        headers: { 'content-type': 'application/json' },
        body: '{"data": [{"id": ',
      }
    }
    if (fault.status !== undefined) {
      return {
        kind: 'respond',
        status: fault.status,
        headers: { 'content-type': 'application/json' },
        // Both error vocabularies, so OAuth and data-API clients each find their own fields.
        body: JSON.stringify({
          error: fault.status >= 500 ? 'server_error' : 'invalid_request',
          error_description: 'injected fault',
          code: 'sim_fault',
          message: `Injected fault (${String(fault.status)})`,
        }),
      }
    }
    return { kind: 'pass' }
  }

  private take(keys: readonly string[]): Fault | undefined {
    for (const key of keys) {
      const index = this.faults.findIndex((fault) => fault.route === key && fault.remaining > 0)
      const fault = this.faults[index]
      if (fault) {
        fault.remaining -= 1
        if (fault.remaining <= 0) this.faults.splice(index, 1)
        return fault
      }
    }
    return undefined
  }
}
