/**
 * `pnpm --filter @mhkit/bff bench`: throughput and latency of `GET /api/accounts` through the
 * BFF (session lookup + cached user token + upstream call + validation + mapping) against the
 * same upstream call made directly with a bearer token, both with autocannon over loopback at
 * the same concurrency; and the RSS of a BFF process holding 10,000 sessions. Prints figures;
 * asserts nothing (the targets are in bff/README.md).
 */
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { serve } from '@hono/node-server'

import { systemClock } from '../src/clock'
import { createMemoryStore } from '../src/session/memory-store'
import { createSealer } from '../src/session/sealer'
import { createSessionManager } from '../src/session/sessions'
import { createSqliteStore } from '../src/session/sqlite-store'
import type { Store } from '../src/session/store'

const CONNECTIONS = 10
const DURATION_S = 10
const SESSIONS = 10_000
const APP_ORIGIN = 'http://localhost:5173'
const BANK_ID = '1ffe704d39629a929c8e293880fb449a'

async function rssMode(kind: 'memory' | 'sqlite'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mhkit-bench-'))
  const store: Store =
    kind === 'memory' ? createMemoryStore() : createSqliteStore({ path: join(dir, 'b.sqlite') })
  const sessions = createSessionManager({
    store,
    sealer: createSealer(randomBytes(32)),
    clock: systemClock,
  })
  const before = process.memoryUsage().rss
  for (let i = 0; i < SESSIONS; i++) {
    const s = await sessions.create({
      sub: randomBytes(12).toString('hex'),
      connectionIds: [`${BANK_ID}:${i}`],
    })
    s.data.refreshToken = sessions.seal(s, randomBytes(48).toString('base64url'))
    await sessions.save(s)
  }
  global.gc?.()
  const after = process.memoryUsage().rss
  process.stdout.write(JSON.stringify({ kind, before, after }))
  await store.close()
  rmSync(dir, { recursive: true, force: true })
}

function measureRss(kind: 'memory' | 'sqlite'): { before: number; after: number } {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', fileURLToPath(import.meta.url), `--rss=${kind}`],
    {
      encoding: 'utf8',
    },
  )
  return JSON.parse(r.stdout) as { before: number; after: number }
}

/**
 * The simulator in its own process (as `pnpm dev` runs it): its bank pages are TSX compiled
 * with the simulator's own tsconfig, and the BFF's figures are not mixed with its CPU time.
 */
async function startSimProcess(
  clients: unknown[],
): Promise<{ issuer: string; apiUrl: string; close(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'mhkit-bench-sim-'))
  const file = join(dir, 'clients.json')
  writeFileSync(file, JSON.stringify(clients))
  const child = spawn('pnpm', ['--filter', '@mhkit/sim', 'start'], {
    env: { ...process.env, SIM_CLIENTS_FILE: file, SIM_IDENTITY_PORT: '0', SIM_API_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  })
  let out = ''
  const urls = await new Promise<{ issuer: string; apiUrl: string }>((resolve, reject) => {
    child.once('exit', () => reject(new Error('the simulator exited during start')))
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      out += chunk
      const issuer = /issuer:\s+(\S+)/.exec(out)?.[1]
      const apiUrl = /data API:\s+(\S+)/.exec(out)?.[1]
      if (issuer !== undefined && apiUrl !== undefined) resolve({ issuer, apiUrl })
    })
  })
  return {
    ...urls,
    close() {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM')
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function run(title: string, url: string, headers: Record<string, string>) {
  const { default: autocannon } = await import('autocannon')
  // A short warm-up so JIT, keep-alive pools and token caches are settled.
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 })
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION_S })
  const non2xx = result.non2xx
  console.log(
    `${title.padEnd(34)} ${result.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(result.latency.p50).padStart(4)} ms   p99 ${String(result.latency.p99).padStart(4)} ms   non-2xx ${non2xx}`,
  )
  return result
}

async function main(): Promise<void> {
  // Loaded here, not at the top, so the RSS child process holds only the session layer.
  const { approveConsent, MOCK_BANK_ID } = await import('@mhkit/sim')
  const { createApp } = await import('../src/app')
  const { createLogger } = await import('../src/logger')
  const { createMoneyhubClient, generateClientKey, loadClientKeys } =
    await import('../src/moneyhub')
  const started = Date.now()
  const jwk = await generateClientKey('PS256')
  const keys = await loadClientKeys({ jwk })
  const redirectUri = `${APP_ORIGIN}/api/callback`
  const sim = await startSimProcess([
    {
      client_id: 'bench',
      jwks: { keys: keys.all.map((k) => k.publicJwk) },
      redirect_uris: [redirectUri],
      request_object_signing_alg: 'PS256',
      id_token_signed_response_alg: 'PS256',
    },
  ])
  const { createPooledFetch } = await import('../src/upstream/pooled-fetch')
  const upstreamFetch = createPooledFetch()
  const moneyhub = createMoneyhubClient({
    fetch: upstreamFetch,
    issuer: sim.issuer,
    apiUrl: sim.apiUrl,
    clientId: 'bench',
    redirectUri,
    keys,
    idTokenAlg: 'PS256',
    allowInsecureLoopback: true,
  })
  const dir = mkdtempSync(join(tmpdir(), 'mhkit-bench-'))
  const store = createSqliteStore({ path: join(dir, 'bench.sqlite') })
  const app = createApp({
    moneyhub,
    store,
    logger: createLogger({ level: 'silent' }),
    config: {
      appOrigin: APP_ORIGIN,
      sessionEncryptionKey: randomBytes(32),
      rateLimits: { apiPerIp: { max: Number.MAX_SAFE_INTEGER, windowMs: 60_000 } },
    },
  })
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 })
  await new Promise((resolve) => server.once('listening', resolve))
  const address = server.address()
  const bff = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`

  // One real connect flow to get a session for a Moneyhub user.
  const start = await fetch(`${bff}/api/connect`, {
    method: 'POST',
    headers: { 'X-CSRF': '1', Origin: APP_ORIGIN, 'Content-Type': 'application/json' },
    body: '{"kind":"ais"}',
  })
  const txCookie = (start.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
  const { url } = (await start.json()) as { url: string }
  const back = new URL(await approveConsent(url, { bankId: MOCK_BANK_ID }))
  const done = await fetch(`${bff}${back.pathname}${back.search}`, {
    headers: { Cookie: txCookie },
    redirect: 'manual',
  })
  const sessionCookie =
    (done.headers.getSetCookie().find((c) => c.startsWith('__Host-mhkit-session=')) ?? '').split(
      ';',
    )[0] ?? ''
  const me = (await (
    await fetch(`${bff}/api/session`, { headers: { 'X-CSRF': '1', Cookie: sessionCookie } })
  ).json()) as {
    user?: { id: string }
  }
  const sub = me.user?.id
  if (sub === undefined) throw new Error('the bench could not sign in through the simulator')
  const probe = await fetch(`${bff}/api/accounts`, {
    headers: { 'X-CSRF': '1', Cookie: sessionCookie },
  })
  if (probe.status !== 200)
    console.warn(
      `WARNING: GET /api/accounts answers ${probe.status}; the figures measure that answer`,
    )
  const token = await moneyhub.tokenForUser(sub, ['accounts:read'])

  // The BFF's own layer in-process, sequential: app.request() against the client call alone.
  const time = async (fn: () => Promise<unknown>) => {
    for (let i = 0; i < 20; i++) await fn()
    const t0 = performance.now()
    for (let i = 0; i < 200; i++) await fn()
    return (performance.now() - t0) / 200
  }
  const clientOnly = await time(() => moneyhub.getAccounts(sub))
  const viaApp = await time(async () =>
    (
      await app.request('/api/accounts', { headers: { 'X-CSRF': '1', Cookie: sessionCookie } })
    ).text(),
  )
  console.log(
    `\nin-process, sequential: client.getAccounts ${clientOnly.toFixed(2)} ms, app /api/accounts ${viaApp.toFixed(2)} ms (BFF layer ${(viaApp - clientOnly).toFixed(2)} ms)`,
  )

  console.log(
    `\nGET accounts, ${CONNECTIONS} connections, ${DURATION_S} s each, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), Node ${process.version}`,
  )
  const direct = await run('direct to the data API (bearer)', `${sim.apiUrl}/accounts`, {
    Authorization: `Bearer ${token.accessToken}`,
  })
  const through = await run('through the BFF (/api/accounts)', `${bff}/api/accounts`, {
    'X-CSRF': '1',
    Cookie: sessionCookie,
  })
  const ratio = through.requests.average / direct.requests.average
  const addedP50 = through.latency.p50 - direct.latency.p50
  console.log(`throughput ratio BFF/direct: ${ratio.toFixed(2)} (target >= 0.6)`)
  console.log(`added p50 latency: ${addedP50.toFixed(2)} ms (target <= 1 ms)`)

  server.close()
  upstreamFetch.close()
  await store.close()
  sim.close()
  rmSync(dir, { recursive: true, force: true })

  for (const kind of ['memory', 'sqlite'] as const) {
    const { before, after } = measureRss(kind)
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
    console.log(
      `RSS with ${SESSIONS} sessions (${kind} store): ${mb(after)} MB (${mb(before)} MB before; target <= 150 MB)`,
    )
  }
  console.log(
    `load average at the end: ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  )
  console.log(`bench took ${((Date.now() - started) / 1000).toFixed(0)} s`)
}

const rssArg = process.argv.find((a) => a.startsWith('--rss='))
if (rssArg !== undefined) {
  await rssMode(rssArg === '--rss=sqlite' ? 'sqlite' : 'memory')
} else {
  await main()
}
