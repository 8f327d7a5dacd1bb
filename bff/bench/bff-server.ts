/**
 * The BFF under test, in its own process (started by `bench/http.ts`): the app as `server.ts`
 * wires it (pooled keep-alive upstream fetch, SQLite session store), against the simulator
 * named in the environment. Keeping it out of the process that runs autocannon means the BFF's
 * figures are not mixed with the load generator's CPU time, as the direct figures are not mixed
 * with the simulator's.
 *
 * Environment: `BENCH_ISSUER`, `BENCH_API_URL`, `BENCH_JWK` (the client's private JWK as JSON),
 * `BENCH_APP_ORIGIN`. Prints `bff: <url>` once listening. Over IPC it answers
 * `{ type: 'sequential', cookie, sub }` with the in-process sequential timings.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { serve } from '@hono/node-server'

import { createApp } from '../src/app'
import { createLogger } from '../src/logger'
import type { JWK } from 'jose'

import { createHttpTransport, createMoneyhubClient, loadClientKeys } from '../src/moneyhub'
import { createSqliteStore } from '../src/session/sqlite-store'

function required(name: string): string {
  const value = process.env[name]
  if (value === undefined || value === '') throw new Error(`${name} is required`)
  return value
}

const appOrigin = required('BENCH_APP_ORIGIN')
const keys = await loadClientKeys({ jwk: JSON.parse(required('BENCH_JWK')) as JWK })
const upstream = createHttpTransport()
const moneyhub = createMoneyhubClient({
  request: upstream.request,
  issuer: required('BENCH_ISSUER'),
  apiUrl: required('BENCH_API_URL'),
  clientId: 'bench',
  redirectUri: `${appOrigin}/api/callback`,
  keys,
  idTokenAlg: 'PS256',
  allowInsecureLoopback: true,
})
const dir = mkdtempSync(join(tmpdir(), 'mhkit-bench-bff-'))
const store = createSqliteStore({ path: join(dir, 'bench.sqlite') })
const app = createApp({
  moneyhub,
  store,
  logger: createLogger({ level: 'silent' }),
  config: {
    appOrigin,
    sessionEncryptionKey: randomBytes(32),
    rateLimits: { apiPerIp: { max: Number.MAX_SAFE_INTEGER, windowMs: 60_000 } },
  },
})
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 })
await new Promise((resolve) => server.once('listening', resolve))
const address = server.address()
process.stdout.write(
  `bff: http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}\n`,
)

/** Mean ms per call of `fn`, sequentially, after a warm-up. */
async function time(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await fn()
  const t0 = performance.now()
  for (let i = 0; i < 200; i++) await fn()
  return (performance.now() - t0) / 200
}

process.on('message', (message: { type: string; cookie: string; sub: string }) => {
  if (message.type !== 'sequential') return
  void (async () => {
    const clientOnly = await time(() => moneyhub.getAccounts(message.sub))
    const viaApp = await time(async () =>
      (
        await app.request('/api/accounts', { headers: { 'X-CSRF': '1', Cookie: message.cookie } })
      ).text(),
    )
    process.send?.({ clientOnly, viaApp })
  })()
})

function shutdown(): void {
  server.close()
  upstream.close()
  void store.close().finally(() => {
    rmSync(dir, { recursive: true, force: true })
    process.exit(0)
  })
}
process.on('SIGTERM', shutdown)
process.on('disconnect', shutdown)
