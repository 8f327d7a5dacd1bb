/**
 * Drill (d): the upstream (the simulator's data API) answers slowly, with 429 and
 * `Retry-After`, and with 5xx. Each answers the browser with a typed error within the BFF's
 * timeout (15 s for data calls, src/moneyhub/client.ts), and data flows again afterwards.
 */
import { join } from 'node:path'

import { startBff } from './processes'
import type { Report } from './report'
import { pause, startApprovedFlow, startWorld } from './world'

const DRILL = 'd. upstream faults'
const ROUTE = 'GET /v3/accounts'

/** Runs drill (d) and records its checks. */
export async function upstreamFaults(report: Report): Promise<void> {
  const world = await startWorld()
  const bff = await startBff({
    ...world.env,
    SESSION_STORE: 'sqlite',
    SQLITE_PATH: join(world.dir, 'bff.sqlite'),
  })
  try {
    const browser = world.browser(() => bff.url)
    const flow = await startApprovedFlow(browser)
    await browser.navigate(flow.callback)

    const accounts = async () => {
      const started = Date.now()
      const res = await browser.get('/api/accounts')
      const body = (await res.json()) as { error?: { code: string } }
      return {
        status: res.status,
        code: body.error?.code,
        retryAfter: res.headers.get('retry-after'),
        ms: Date.now() - started,
      }
    }
    // Recovery: the circuit breaker may hold calls for its 10 s after a run of failures.
    const recovery = async () => {
      const started = Date.now()
      while (Date.now() - started < 60_000) {
        if ((await accounts()).status === 200) return `200 after ${Date.now() - started} ms`
        await pause(250)
      }
      return undefined
    }
    const warm = await accounts()
    if (warm.status !== 200) throw new Error(`accounts answered ${warm.status} before any fault`)

    await world.sim.admin.fault({ route: ROUTE, retryAfter: 30, times: 3 })
    const limited = await accounts()
    await world.sim.admin.clearFaults()
    const back1 = await recovery()
    report.check(
      DRILL,
      '429 Retry-After: 30 from the data API',
      '429 upstream_rate_limited, Retry-After 30; then 200',
      `${limited.status} ${limited.code}, Retry-After ${limited.retryAfter}; ${back1 ?? 'no recovery'}`,
      limited.status === 429 &&
        limited.code === 'upstream_rate_limited' &&
        limited.retryAfter === '30' &&
        back1 !== undefined,
    )

    await world.sim.admin.fault({ route: ROUTE, status: 503, times: 20 })
    const failing = await accounts()
    await world.sim.admin.clearFaults()
    const back2 = await recovery()
    report.check(
      DRILL,
      '503 from the data API (every retry)',
      '503 upstream_unavailable; then 200',
      `${failing.status} ${failing.code} in ${failing.ms} ms; ${back2 ?? 'no recovery'}`,
      failing.status === 503 && failing.code === 'upstream_unavailable' && back2 !== undefined,
    )

    await world.sim.admin.fault({ route: ROUTE, delayMs: 20_000, times: 1 })
    const slow = await accounts()
    await world.sim.admin.clearFaults()
    const back3 = await recovery()
    report.check(
      DRILL,
      'data API answers after 20 s',
      '504 upstream_timeout within the 15 s timeout (+5 s); then 200',
      `${slow.status} ${slow.code} in ${slow.ms} ms; ${back3 ?? 'no recovery'}`,
      slow.status === 504 &&
        slow.code === 'upstream_timeout' &&
        slow.ms < 20_000 &&
        back3 !== undefined,
    )
  } finally {
    await bff.kill('SIGKILL')
    await world.close()
  }
}
