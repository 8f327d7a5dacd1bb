/**
 * The BFF's composition root: the only place that reads the environment (through env.ts) and
 * builds the real logger, store, Moneyhub client and HTTP server. `pnpm --filter @mhkit/bff
 * start` runs it; `scripts/dev.mjs` runs it wired to the simulator.
 */
import { randomBytes } from 'node:crypto'
import type { Server } from 'node:http'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'

import { createApp, scaledRateLimits } from './app'
import { loadEnv, type BffEnv } from './env'
import { applyHttpServerTimeouts } from './http-server-options'
import { createLogger, type Logger } from './logger'
import { createMoneyhubClient, loadClientKeys } from './moneyhub'
import { createMemoryStore } from './session/memory-store'
import { createRedisStore } from './session/redis-store'
import { createSqliteStore } from './session/sqlite-store'
import type { Store } from './session/store'
import { createPooledFetch } from './upstream/pooled-fetch'

function openStore(env: BffEnv): Store {
  if (env.sessionStore === 'memory') return createMemoryStore()
  if (env.sessionStore === 'redis' && env.redisUrl !== undefined)
    return createRedisStore({ url: env.redisUrl })
  return createSqliteStore({ path: env.sqlitePath })
}

// Outside production a missing SESSION_ENCRYPTION_KEY is generated once and kept next to the
// SQLite file, so a dev restart keeps sessions readable. env.ts refuses this in production.
function devSessionKey(env: BffEnv, log: Logger): Buffer {
  const file = join(dirname(env.sqlitePath), 'session-encryption.key')
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex')
  mkdirSync(dirname(file), { recursive: true })
  const key = randomBytes(32)
  writeFileSync(file, key.toString('hex'), { mode: 0o600 })
  log.warn({ file }, 'generated a development session encryption key')
  return key
}

async function main(): Promise<void> {
  const env = loadEnv((path) => readFileSync(path, 'utf8'))
  const logger = createLogger({ level: env.logLevel })
  process.on('unhandledRejection', (reason) => {
    // Fail closed: an unexpected rejection means state we cannot trust.
    logger.fatal({ err: reason }, 'unhandled rejection')
    process.exit(1)
  })

  const keyText = env.moneyhub.privateKey
  let keys
  try {
    keys = await loadClientKeys(keyText.startsWith('{') ? { jwk: keyText } : { pem: keyText })
  } catch (error) {
    process.stderr.write(
      `mhkit-bff: invalid configuration: MONEYHUB_PRIVATE_KEY: ${error instanceof Error ? error.message : 'cannot be loaded'}\n`,
    )
    process.exit(1)
  }
  // Keep-alive pools per upstream host (checklist R12) instead of the global fetch.
  const upstreamFetch = createPooledFetch()
  const moneyhub = createMoneyhubClient({
    fetch: upstreamFetch,
    request: upstreamFetch.request,
    issuer: env.moneyhub.issuer,
    apiUrl: env.moneyhub.apiUrl,
    identityUrl: env.moneyhub.identityUrl,
    clientId: env.moneyhub.clientId,
    redirectUri: env.moneyhub.redirectUri,
    keys,
    idTokenAlg: env.moneyhub.idTokenAlg,
    // env.ts only lets http:// through for loopback hosts outside production (the simulator).
    allowInsecureLoopback: env.nodeEnv !== 'production',
    logger: logger.child({ component: 'moneyhub' }),
  })
  const store = openStore(env)
  const app = createApp({
    moneyhub,
    store,
    logger,
    config: {
      appOrigin: env.appOrigin,
      sessionEncryptionKey: env.sessionEncryptionKey ?? devSessionKey(env, logger),
      corsOrigins: env.corsOrigins,
      trustProxy: env.trustProxy,
      rateLimits: scaledRateLimits(env.rateLimitMultiplier),
    },
    peerAddress: (c) => getConnInfo(c).remote.address,
  })

  const server = serve({ fetch: app.fetch, hostname: env.host, port: env.port }, (info) => {
    logger.info(
      {
        host: info.address,
        port: info.port,
        store: env.sessionStore,
        issuer: env.moneyhub.issuer,
        rateLimitMultiplier: env.rateLimitMultiplier,
      },
      'bff listening',
    )
  })
  // Outlast the idle time of keep-alive clients and proxies (see http-server-options.ts).
  applyHttpServerTimeouts(server as Server)
  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    logger.info({ signal }, 'bff stopping')
    server.close(() => {
      upstreamFetch.close()
      void store.close().finally(() => process.exit(0))
    })
    // Idle keep-alive sockets would hold close() open; do not wait on them forever.
    setTimeout(() => process.exit(0), 5_000).unref()
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
}

void main()
