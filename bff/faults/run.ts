/**
 * `pnpm --filter @mhkit/bff test:faults`: the fault drills of bff/README.md ("Fault drills"),
 * on real processes — BFF processes started as `tsx src/server.ts`, the simulator, SQLite
 * files and throwaway redis-servers. Prints what was injected and what held, one row per
 * check; with FAULTS_RESULT=<file> it also writes `{ passed, failed }` there (the root
 * `pnpm test` reads it). Exits non-zero when any check failed.
 *
 * Drill (a) waits out a callback's lease (30 s), so it runs next to the others.
 */
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'

import { crashMidCallback } from './drill-crash'
import { redisRestartUnderLoad } from './drill-redis-restart'
import { twoInstances } from './drill-two-instances'
import { upstreamFaults } from './drill-upstream'
import { Report } from './report'

async function main(): Promise<void> {
  const started = Date.now()
  const report = new Report()
  const guarded = (name: string, drill: (r: Report) => Promise<void>) =>
    drill(report).catch((error: unknown) => report.crashed(name, error))
  const hasRedis = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0

  const crash = guarded('a. SIGKILL mid-callback', crashMidCallback)
  await guarded('d. upstream faults', upstreamFaults)
  if (hasRedis) {
    await guarded('b. Redis restart under load', redisRestartUnderLoad)
    await guarded('c. two instances, one Redis', twoInstances)
  } else {
    console.warn('SKIPPING drills b and c: no redis-server on PATH (apt-get install redis-server)')
  }
  await crash

  const order = (drill: string) => drill.charCodeAt(0)
  report.checks.sort((x, y) => order(x.drill) - order(y.drill))
  console.log(`\n${report.table()}\n`)
  const seconds = Math.round((Date.now() - started) / 1000)
  console.log(`fault drills: ${report.passed} passed, ${report.failed} failed (${seconds} s)`)
  const file = process.env.FAULTS_RESULT
  const skipped = hasRedis ? 0 : 2
  if (file)
    writeFileSync(file, JSON.stringify({ passed: report.passed, failed: report.failed, skipped }))
  process.exit(report.failed > 0 ? 1 : 0)
}

void main()
