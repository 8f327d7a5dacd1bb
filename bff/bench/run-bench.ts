import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'

import { createMoneyhubClient, generateClientKey, loadClientKeys } from '../src/moneyhub'
import { addedAt, addedLatency } from './added-latency'
import { buildServer, startBuiltServer } from './built-server'
import { burstAdded, burstLatency } from './burst'
import { median, percentile } from './closed-loop'
import { coldStarts } from './cold-start'
import { connectUsers } from './connect-users'
import { cpuPerRequest, spread } from './cpu-per-request'
import { describeMachine, formatLoad } from './machine'
import { compareClients } from './official-client'
import { processMemory } from './process-cpu'
import { startReferenceServer } from './reference-server'
import { seedSessions } from './seed-sessions'
import { signIn } from './sign-in'
import { startSimProcess } from './sim-process'
import type { BenchSizes } from './sizes'
import { judge, type Row } from './table'
import { touchSessions } from './touch-sessions'

const APP_ORIGIN = 'http://localhost:5173'
const CLIENT_ID = 'bench'

/** Everything one run found: the table's rows and the notes printed under it. */
export interface BenchResult {
  rows: Row[]
  notes: string[]
}

const ms = (n: number, digits = 2) => `${n.toFixed(digits)} ms`
const x = (n: number) => n.toFixed(2)
const range = (s: { min: number; max: number }) => `${x(s.min)}–${x(s.max)}`

/**
 * One whole bench: the simulator in its own process, the built BFF (`dist/server.js`) as
 * production runs it — SQLite store, `LOG_LEVEL=info` access log to a file — holding
 * `sizes.sessions` sessions, the two reference servers, then each measurement in turn.
 * `log` gets a line as each step starts (progress on stderr).
 */
export async function runBench(
  sizes: BenchSizes,
  log: (line: string) => void = () => undefined,
): Promise<BenchResult> {
  const machine = describeMachine()
  const notes: string[] = []
  const dir = mkdtempSync(join(tmpdir(), 'mhkit-bench-'))
  const accessLog = join(dir, 'access.log')
  const closers: (() => unknown)[] = []
  try {
    const jwk = await generateClientKey('PS256')
    const keys = await loadClientKeys({ jwk })
    const redirectUri = `${APP_ORIGIN}/api/callback`
    log('starting the simulator')
    const sim = await startSimProcess([
      {
        client_id: CLIENT_ID,
        jwks: { keys: keys.all.map((k) => k.publicJwk) },
        redirect_uris: [redirectUri],
        request_object_signing_alg: 'PS256',
        id_token_signed_response_alg: 'PS256',
      },
    ])
    closers.push(() => sim.close())

    const sessionKey = randomBytes(32)
    const sqlitePath = join(dir, 'bff.sqlite')
    log(`seeding ${sizes.sessions} sessions`)
    const seeded = await seedSessions(sqlitePath, sessionKey, sizes.sessions)
    // The BFF's configuration as an operator sets it (bff/.env.example). NODE_ENV=test only
    // because production refuses the simulator's http:// loopback URLs.
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      MONEYHUB_ISSUER: sim.issuer,
      MONEYHUB_API_URL: sim.apiUrl,
      MONEYHUB_CLIENT_ID: CLIENT_ID,
      MONEYHUB_PRIVATE_KEY: JSON.stringify(jwk),
      MONEYHUB_ID_TOKEN_ALG: 'PS256',
      APP_ORIGIN,
      SESSION_STORE: 'sqlite',
      SESSION_ENCRYPTION_KEY: sessionKey.toString('hex'),
      LOG_LEVEL: 'info',
      // The bench sends every request from one address; the limits would refuse most of them.
      RATE_LIMIT_MULTIPLIER: '9999',
    }
    log('building and starting the BFF')
    const serverJs = await buildServer()
    const bff = await startBuiltServer(serverJs, { ...env, SQLITE_PATH: sqlitePath }, accessLog)
    closers.push(() => bff.close())
    const user = await signIn(bff.url, APP_ORIGIN)
    const touched = await touchSessions(bff.url, seeded)
    if (touched !== seeded.length)
      notes.push(`${seeded.length - touched} seeded sessions did not answer 200`)

    // A bearer token for the references, which call the data API directly.
    const client = createMoneyhubClient({
      issuer: sim.issuer,
      apiUrl: sim.apiUrl,
      clientId: CLIENT_ID,
      redirectUri,
      keys,
      idTokenAlg: 'PS256',
      allowInsecureLoopback: true,
    })
    const token = await client.tokenForUser(user.sub, ['accounts:read'])
    const referenceEnv = {
      BARE_UPSTREAM: `${sim.apiUrl}/accounts`,
      BARE_AUTHORIZATION: `Bearer ${token.accessToken}`,
    }
    const bare = await startReferenceServer('bare-proxy.ts', referenceEnv)
    closers.push(() => bare.close())
    const essentials = await startReferenceServer('essentials.ts', referenceEnv)
    closers.push(() => essentials.close())

    log(`CPU per request: ${sizes.cpu.rounds} rounds at ${sizes.cpu.rate} requests/s`)
    const bffTarget = {
      url: `${bff.url}/api/accounts`,
      headers: { 'X-CSRF': '1', Cookie: user.cookie },
    }
    const cpu = await cpuPerRequest(
      {
        bff: { pid: bff.pid, target: bffTarget },
        bare: { pid: bare.pid, target: { url: bare.url, headers: {} } },
        essentials: {
          pid: essentials.pid,
          target: {
            url: essentials.url,
            headers: { 'X-CSRF': '1', Cookie: `s=${'x'.repeat(43)}` },
          },
        },
      },
      sizes.cpu,
    )
    essentials.close()
    if (cpu.failed > 0) notes.push(`${cpu.failed} requests failed during the CPU slices`)

    log(
      `added latency: ${sizes.latency.upstreamDelayMs} ms upstream, ${sizes.latency.connections} connections`,
    )
    await sim.addFault({ route: 'GET /v3/accounts', delayMs: sizes.latency.upstreamDelayMs })
    const latencyTargets = {
      direct: {
        url: `${sim.apiUrl}/accounts`,
        headers: { Authorization: `Bearer ${token.accessToken}` },
      },
      bff: bffTarget,
    }
    // The bare forwarder in the same alternation: what any process in between adds here.
    const bareTarget = { url: bare.url, headers: {} }
    const latency = await addedLatency({ ...latencyTargets, bare: bareTarget }, sizes.latency)
    log(`bursts: ${sizes.burst.size} requests at once, ${sizes.burst.rounds} rounds`)
    const bursts = await burstLatency({ ...latencyTargets, bare: bareTarget }, sizes.burst)
    bare.close()
    // One connection as well: the BFF's own added time when nothing queues for a CPU.
    const alone = await addedLatency(latencyTargets, { ...sizes.latency, connections: 1 })
    await sim.clearFaults()
    const latencyFailed = latency.failed + alone.failed + bursts.failed
    if (latencyFailed > 0) notes.push(`${latencyFailed} requests failed during the latency runs`)
    const memory = processMemory(bff.pid)

    log('our client against @mft/moneyhub-api-client')
    const readers = await connectUsers(client, Math.max(...sizes.clients.concurrencies))
    const clients = await compareClients(
      sim,
      { clientId: CLIENT_ID, jwk, redirectUri },
      readers,
      sizes.clients,
    )
    await bff.close()

    log(`cold start: ${sizes.coldStarts} spawns`)
    const starts = await coldStarts(serverJs, env, accessLog, sizes.coldStarts)
    const loadAfter = loadavg()

    const logText = readFileSync(accessLog, 'utf8')
    const cookieValue = user.cookie.split('=')[1] ?? ''
    notes.push(
      `access log (LOG_LEVEL=info): ${logText.split('\n').length - 1} lines; session cookie value in it: ${cookieValue !== '' && logText.includes(cookieValue) ? 'YES' : 'no'}`,
    )
    for (const c of clients) {
      notes.push(
        `client, ${c.cache}, concurrency ${c.concurrency}: ours ${ms(c.ours.msPerRead)}/read (${x(c.ours.tokensPerRead)} tokens/read), official ${ms(c.official.msPerRead)}/read (${x(c.official.tokensPerRead)} tokens/read)`,
      )
    }

    const headline = spread(cpu.bffOverBare)
    const aa = spread(cpu.aa)
    const noise = (aa.max - aa.min) / 2
    const essentialsRatio = spread(cpu.essentialsOverBare)
    const directMin = Math.min(...latency.direct)
    const addedP50 = addedAt(latency, 50)
    const addedP99 = addedAt(latency, 99)
    const coldMedian = median(starts.bff)
    const rows: Row[] = [
      {
        figure: 'CPU per request, BFF ÷ bare forwarder',
        measured: `${x(headline.median)} (rounds ${range(headline)})`,
        target: '≤ 2.0',
        verdict: judge(headline.median, 2, 'at most', noise),
        value: headline.median,
      },
      {
        figure: 'A/A control, BFF ÷ itself (noise floor)',
        measured: `${x(aa.median)} (rounds ${range(aa)}, ±${(noise * 100).toFixed(0)} %)`,
        target: '1.00',
        verdict: 'info',
        value: aa.median,
      },
      {
        figure: 'CPU per request: BFF | bare | essentials',
        measured: `${ms(median(cpu.bff), 3)} | ${ms(median(cpu.bare), 3)} | ${ms(median(cpu.essentials), 3)}`,
        target: '—',
        verdict: 'info',
        value: median(cpu.bff),
      },
      {
        figure: 'CPU per request, essentials ÷ bare forwarder',
        measured: `${x(essentialsRatio.median)} (rounds ${range(essentialsRatio)})`,
        target: '—',
        verdict: 'info',
        value: essentialsRatio.median,
      },
      {
        figure: `Added latency p50 (${sizes.latency.upstreamDelayMs} ms upstream, ${sizes.latency.connections} conn.)`,
        measured: ms(addedP50),
        target: '≤ 2 ms',
        verdict: judge(addedP50, 2, 'at most'),
        value: addedP50,
      },
      {
        figure: `Added latency p99 (${sizes.latency.upstreamDelayMs} ms upstream, ${sizes.latency.connections} conn.)`,
        measured: ms(addedP99),
        target: '≤ 10 ms',
        verdict: judge(addedP99, 10, 'at most'),
        value: addedP99,
      },
      {
        figure: `Added latency p50 | p99 of the bare forwarder (same ${sizes.latency.connections} conn., reference)`,
        measured: `${ms(addedAt(latency, 50, 'bare'))} | ${ms(addedAt(latency, 99, 'bare'))}`,
        target: '—',
        verdict: 'info',
        value: addedAt(latency, 99, 'bare'),
      },
      {
        figure: `Burst of ${sizes.burst.size} requests at once: slowest answer added, BFF | bare forwarder (median of ${bursts.bff.length})`,
        measured: `${ms(burstAdded(bursts, 'bff'))} | ${ms(burstAdded(bursts, 'bare'))}`,
        target: '—',
        verdict: 'info',
        value: burstAdded(bursts, 'bff'),
      },
      {
        figure: `Added latency p50, 1 connection (${alone.bff.length} requests)`,
        measured: ms(addedAt(alone, 50)),
        target: '—',
        verdict: 'info',
        value: addedAt(alone, 50),
      },
      {
        figure: 'Direct call: min | p50 | p99 (the loop is honest)',
        measured: `${ms(directMin, 1)} | ${ms(percentile(latency.direct, 50), 1)} | ${ms(percentile(latency.direct, 99), 1)}`,
        target: `min ≥ ${sizes.latency.upstreamDelayMs} ms`,
        verdict: judge(directMin, sizes.latency.upstreamDelayMs, 'at least'),
        value: directMin,
      },
      ...clients.map((c): Row => {
        const cached = c.cache === 'cached'
        const ratioOf = (ours: number, official: number) =>
          cached ? official / ours : ours / official
        const ratio = ratioOf(c.ours.msPerRead, c.official.msPerRead)
        // Each pair of runs gives its own ratio; half their range is this figure's noise.
        const pairs = spread(c.pairs.map((pair) => ratioOf(pair.ours, pair.official)))
        return {
          figure: cached
            ? `Read accounts, official ÷ ours, token cached, conc. ${c.concurrency}`
            : `Read accounts, ours ÷ official, cache emptied, conc. ${c.concurrency}`,
          measured: `${x(ratio)}× (pairs ${range(pairs)})`,
          target: cached ? '≥ 4×' : '≤ 1.0',
          verdict: judge(
            ratio,
            cached ? 4 : 1,
            cached ? 'at least' : 'at most',
            (pairs.max - pairs.min) / 2 / ratio,
          ),
          value: ratio,
        }
      }),
      {
        figure: `Cold start of the built server to /healthz (median of ${starts.bff.length})`,
        measured: `${ms(coldMedian, 0)} (${ms(Math.min(...starts.bff), 0)}–${ms(Math.max(...starts.bff), 0)}; empty node:http server ${ms(median(starts.emptyServer), 0)})`,
        target: '≤ 500 ms',
        verdict: judge(coldMedian, 500, 'at most'),
        value: coldMedian,
      },
      {
        figure: 'Cold start: CPU time used by the first /healthz answer (median)',
        measured: `${ms(median(starts.bffCpu), 0)} (empty node:http server ${ms(median(starts.emptyServerCpu), 0)})`,
        target: '—',
        verdict: 'info',
        value: median(starts.bffCpu),
      },
      {
        figure: `RSS of the BFF at ${sizes.sessions.toLocaleString('en-GB')} sessions, after the load`,
        measured: `${(memory.rss / 2 ** 20).toFixed(1)} MB (peak ${(memory.peak / 2 ** 20).toFixed(1)} MB)`,
        target: '≤ 150 MB',
        verdict: judge(memory.rss / 2 ** 20, 150, 'at most'),
        value: memory.rss / 2 ** 20,
      },
      {
        figure: 'Machine',
        measured: `${machine.cores} cores (${machine.model}), ${machine.memoryGb.toFixed(0)} GB, Node ${machine.node}`,
        target: '—',
        verdict: 'info',
        value: machine.cores,
      },
      {
        figure: 'Load average (1, 5, 15 min) before → after',
        measured: `${formatLoad(machine.load)} → ${formatLoad(loadAfter)}`,
        target: '—',
        verdict: 'info',
        value: loadAfter[0] ?? Number.NaN,
      },
    ]
    return { rows, notes }
  } finally {
    for (const close of closers.reverse()) {
      try {
        await close()
      } catch {
        // Already stopped.
      }
    }
    rmSync(dir, { recursive: true, force: true })
  }
}
