/**
 * Drill (c): two BFF instances on one Redis. A flow started on one completes on the other,
 * and 50 concurrent data calls that need a new token for the user, spread over both, make
 * exactly one token request to the simulator (the token cache and its single-flight lock live
 * in the store, docs/decisions/006-shared-token-cache.md).
 */
import { startBff, startRedis } from './processes'
import type { Report } from './report'
import { flowStatus, signedIn, startApprovedFlow, startWorld } from './world'

const DRILL = 'c. two instances, one Redis'
const CALLS = 50

/** Runs drill (c) and records its checks. */
export async function twoInstances(report: Report): Promise<void> {
  const world = await startWorld()
  const redis = await startRedis(world.dir)
  const env = { ...world.env, SESSION_STORE: 'redis', REDIS_URL: redis.url }
  const [one, two] = await Promise.all([startBff(env), startBff(env)])
  try {
    let target = one.url
    const browser = world.browser(() => target)
    const flow = await startApprovedFlow(browser)
    target = two.url
    const landed = await browser.navigate(flow.callback)
    target = one.url
    const outcome = await flowStatus(browser, flow.flowId)
    const onOne = await signedIn(browser)
    target = two.url
    const onTwo = await signedIn(browser)
    report.check(
      DRILL,
      'connect on instance 1, callback on instance 2',
      'the flow succeeds; the session answers on both',
      `callback ${landed.status}, flow ${outcome.status}, signed in on 1: ${onOne}, on 2: ${onTwo}`,
      outcome.status === 'succeeded' && onOne && onTwo,
    )

    // Both instances have listed connections (client token cached); no user token yet.
    await world.sim.admin.resetCounters()
    const urls = [one.url, two.url]
    const calls = Array.from({ length: CALLS }, async (_, i) => {
      const res = await fetch(`${urls[i % 2]}/api/accounts`, {
        headers: {
          'X-CSRF': '1',
          Cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      })
      return res.status
    })
    const statuses = await Promise.all(calls)
    const counters = await world.sim.admin.counters()
    const tokenRequests = counters['token:client_credentials'] ?? 0
    const ok = statuses.filter((s) => s === 200).length
    report.check(
      DRILL,
      `${CALLS} concurrent GET /api/accounts over both, cold user token`,
      'all 200; exactly 1 token request',
      `${ok}/${CALLS} answered 200; ${tokenRequests} token request(s)`,
      ok === CALLS && tokenRequests === 1,
    )
  } finally {
    await Promise.all([one.kill('SIGKILL'), two.kill('SIGKILL')])
    await redis.kill('SIGKILL')
    await world.close()
  }
}
