/**
 * Drill (a): the BFF is killed with SIGKILL in the middle of a callback (the code exchange is
 * on the wire) and started again over the same SQLite file. No session is lost, and the flow
 * ends `failed` or `succeeded` within a minute (the callback's lease, `CALLBACK_LEASE_MS`),
 * never pending for the hour its record lives.
 */
import { join } from 'node:path'

import { startBff } from './processes'
import type { Report } from './report'
import { flowStatus, pause, signedIn, startApprovedFlow, startWorld } from './world'

const DRILL = 'a. SIGKILL mid-callback'

/** Runs drill (a) and records its checks. */
export async function crashMidCallback(report: Report): Promise<void> {
  const world = await startWorld()
  const env = { ...world.env, SESSION_STORE: 'sqlite', SQLITE_PATH: join(world.dir, 'bff.sqlite') }
  let bff = await startBff(env)
  try {
    const browser = world.browser(() => bff.url)
    const first = await startApprovedFlow(browser)
    await browser.navigate(first.callback)
    const before = await signedIn(browser)

    // A second connect, whose token request the simulator holds for 5 s: the BFF is killed
    // while it waits, after it took the login transaction and claimed the flow.
    const second = await startApprovedFlow(browser)
    await world.sim.admin.fault({ route: 'token:authorization_code', delayMs: 5_000, times: 1 })
    await world.sim.admin.resetCounters()
    const inFlight = browser.navigate(second.callback).catch(() => undefined)
    for (let i = 0; i < 200; i++) {
      if (((await world.sim.admin.counters())['token:authorization_code'] ?? 0) > 0) break
      await pause(25)
    }
    await bff.kill('SIGKILL')
    const killedAt = Date.now()
    await inFlight
    const port = Number(new URL(bff.url).port)
    bff = await startBff(env, port)

    const after = await signedIn(browser)
    report.check(
      DRILL,
      'SIGKILL during the code exchange, restart',
      'the session of the browser survives',
      `signed in before: ${before}, after restart: ${after}`,
      before && after,
    )

    let flow = await flowStatus(browser, second.flowId)
    const firstSeen = flow.status
    while (flow.status === 'pending' && Date.now() - killedAt < 90_000) {
      await pause(1_000)
      flow = await flowStatus(browser, second.flowId)
    }
    const settledIn = Math.round((Date.now() - killedAt) / 1000)
    report.check(
      DRILL,
      'the flow its callback claimed',
      'ends failed or succeeded within 60 s',
      `${firstSeen} after restart, then ${flow.status}${flow.code ? ` (${flow.code})` : ''} ${settledIn} s after the kill`,
      (flow.status === 'failed' || flow.status === 'succeeded') && settledIn <= 60,
    )

    const again = await startApprovedFlow(browser)
    await browser.navigate(again.callback)
    const retry = await flowStatus(browser, again.flowId)
    report.check(
      DRILL,
      'the person starts again',
      'a new connect succeeds on the restarted BFF',
      retry.status,
      retry.status === 'succeeded',
    )
  } finally {
    await bff.kill('SIGKILL')
    await world.close()
  }
}
