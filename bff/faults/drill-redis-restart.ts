/**
 * Drill (b): Redis is stopped and started again while browsers keep calling the BFF. While it
 * is down every request that needs the store fails fast with 503 `service_unavailable` and
 * `Retry-After` (never 500, never a hang); once it is back the same BFF process answers 200
 * again, with the sessions Redis kept.
 */
import { startBff, startRedis } from './processes'
import type { Report } from './report'
import { pause, signedIn, startApprovedFlow, startWorld } from './world'

const DRILL = 'b. Redis restart under load'
const WORKERS = 8

interface Sample {
  at: number
  ms: number
  status: number
  code?: string
  retryAfter: string | null
}

/** Runs drill (b) and records its checks. */
export async function redisRestartUnderLoad(report: Report): Promise<void> {
  const world = await startWorld()
  let redis = await startRedis(world.dir)
  const bff = await startBff({ ...world.env, SESSION_STORE: 'redis', REDIS_URL: redis.url })
  try {
    const browser = world.browser(() => bff.url)
    const flow = await startApprovedFlow(browser)
    await browser.navigate(flow.callback)
    const before = await signedIn(browser)

    // Load: workers read the session and the accounts (session load + sliding write in Redis).
    const samples: Sample[] = []
    let running = true
    const worker = async (i: number) => {
      while (running) {
        const started = Date.now()
        const res = await (i % 2 === 0 ? browser.get('/api/session') : browser.get('/api/accounts'))
        const body = (await res.json()) as { error?: { code: string } }
        samples.push({
          at: started,
          ms: Date.now() - started,
          status: res.status,
          ...(body.error ? { code: body.error.code } : {}),
          retryAfter: res.headers.get('retry-after'),
        })
      }
    }
    const load = Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(i)))
    await pause(1_000)
    await redis.kill('SIGTERM')
    const downAt = Date.now()
    await pause(2_000)
    const connectWhileDown = await browser.send('POST', '/api/connect', { kind: 'ais' })
    redis = await startRedis(world.dir, redis.port)
    const upAt = Date.now()
    let recoveredAt: number | undefined
    while (Date.now() - upAt < 30_000) {
      const recent = samples.filter((s) => s.at > Date.now() - 500)
      if (recent.length > 0 && recent.every((s) => s.status === 200)) {
        recoveredAt = samples.find((s) => s.at >= upAt && s.status === 200)?.at
        break
      }
      await pause(100)
    }
    running = false
    await load

    const during = samples.filter((s) => s.at >= downAt && s.at < upAt)
    const failures = during.filter((s) => s.status !== 200)
    const typed = failures.every(
      (s) => s.status === 503 && s.code === 'service_unavailable' && s.retryAfter !== null,
    )
    const slowest = Math.max(0, ...failures.map((s) => s.ms))
    const statuses = [...new Set(during.map((s) => s.status))].sort().join(', ')
    report.check(
      DRILL,
      `redis-server stopped for ~2 s, ${WORKERS} workers`,
      '503 service_unavailable + Retry-After, nothing else',
      `${failures.length} of ${during.length} failed; statuses ${statuses}`,
      failures.length > 0 && typed,
    )
    report.check(
      DRILL,
      'redis-server stopped',
      'fails fast (each 503 within 5 s)',
      `slowest 503 in ${slowest} ms`,
      failures.length > 0 && slowest < 5_000,
    )
    const connectCode = ((await connectWhileDown.json()) as { error?: { code: string } }).error
      ?.code
    report.check(
      DRILL,
      'redis-server stopped: POST /api/connect',
      '503 (the shared rate limit fails typed, not 500)',
      `${connectWhileDown.status} ${connectCode ?? ''}`.trim(),
      connectWhileDown.status === 503 && connectWhileDown.headers.get('retry-after') !== null,
    )
    const after = await signedIn(browser)
    report.check(
      DRILL,
      'redis-server started again',
      'the same BFF process recovers; the session is kept',
      recoveredAt === undefined
        ? 'no recovery within 30 s'
        : `200s again ${recoveredAt - upAt} ms after restart; signed in: ${before} → ${after}`,
      recoveredAt !== undefined && before && after,
    )
  } finally {
    await bff.kill('SIGKILL')
    await redis.kill('SIGKILL')
    await world.close()
  }
}
