import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

import { getConnInfo } from '@hono/node-server/conninfo'
import type { JWK } from 'jose'

import { createApp, scaledRateLimits } from './app'
import { EnvError, sessionKeyFromEnv } from './env'
import { createLogger, type Logger } from './logger'
import {
  createHttpTransport,
  createMoneyhubClient,
  createSharedTokenCache,
  loadClientKeys,
  publicJwks,
  type ClientKeys,
  type IdTokenAlg,
} from './moneyhub'
import { isBffPath } from './bff-paths'
import { createMemoryStore } from './session/memory-store'
import { guardStore } from './session/guarded-store'
import { createRedisStore } from './session/redis-store'
import { createMemoryEventBus } from './events/event-bus'
import { createRedisEventBus } from './events/redis-event-bus'
import type { WebhookConfig } from './webhooks/webhook-config'
import { createSealer } from './session/sealer'
import { createSqliteStore } from './session/sqlite-store'
import type { Store } from './session/store'
import { serveSpa } from './static/serve-spa'
import type { UserBinding } from './user-binding'

/**
 * Plain options of {@link createBff}. The output of `loadConfig(process.env)` is one of these,
 * so `createBff(loadConfig())` runs exactly what the `mhkit-bff` command runs.
 */
export interface BffOptions {
  moneyhub: {
    /** The client id Moneyhub issued (MONEYHUB_CLIENT_ID). */
    clientId: string
    /** The private signing key: a JWK (object or JSON text) or PKCS#8 PEM text. Never logged. */
    privateKey: string | Record<string, unknown>
    /** The `kid` registered at Moneyhub, for a PEM key or a JWK that has none. */
    keyId?: string | undefined
    /** Default `<appOrigin>/api/callback`. */
    redirectUri?: string
    /** Default `https://identity.moneyhub.co.uk/oidc`. */
    issuer?: string
    /** Default `https://api.moneyhub.co.uk/v3`. */
    apiUrl?: string
    /** Identity REST host (users, connections); default the issuer's origin. */
    identityUrl?: string
    /** The registered `id_token_signed_response_alg`; default RS256 (Moneyhub's default). */
    idTokenAlg?: IdTokenAlg
  }
  /** The SPA's origin, e.g. `https://app.example.com` (APP_ORIGIN). */
  appOrigin: string
  /**
   * `production` (the default) refuses plain-HTTP Moneyhub URLs and requires a session key;
   * `development` and `test` allow the loopback simulator and generate a key file.
   */
  nodeEnv?: 'development' | 'test' | 'production'
  /** 32 bytes, or 64 hex / 43 base64url characters (SESSION_ENCRYPTION_KEY). */
  sessionEncryptionKey?: Buffer | string | undefined
  /** `sqlite` (default), `redis`, `memory` (tests only), or a store you built yourself. */
  sessionStore?: 'sqlite' | 'memory' | 'redis' | Store
  /** SQLite file of the default store (default `.data/bff.sqlite`). */
  sqlitePath?: string
  /** redis:// or rediss:// URL, for `sessionStore: 'redis'`. */
  redisUrl?: string | undefined
  /** Level of the built-in logger (default `info`); ignored when `logger` is given. */
  logLevel?: string
  /** A pino logger of your own; the BFF's redaction applies only to the built-in one. */
  logger?: Logger
  /** Exact origins allowed cross-origin with credentials (default none: same origin only). */
  corsOrigins?: string[]
  /** Take the client IP from `X-Forwarded-For` (behind your reverse proxy). */
  trustProxy?: boolean
  /** Multiplies every rate limit (default 1). */
  rateLimitMultiplier?: number
  /** Serve a built SPA (its `index.html` and assets) from this folder on the same origin. */
  staticDir?: string | undefined
  /** Where a bad callback lands when the browser has no flow of its own (default `/`). */
  callbackErrorPage?: string | undefined
  /** Where the Moneyhub user is bound (default: the BFF session); see README "userBinding". */
  userBinding?: UserBinding
  /** How Moneyhub's webhooks are accepted (default: signed JWT only); docs/webhooks.md. */
  webhooks?: WebhookConfig
}

/** A BFF built by {@link createBff}. */
export interface Bff {
  /** The Hono app with every BFF route (`/api/*`, `/.well-known/jwks.json`, health). */
  readonly app: ReturnType<typeof createApp>
  /** The fetch handler: the BFF's routes, and the SPA when `staticDir` is set. */
  readonly fetch: (request: Request, env?: unknown) => Response | Promise<Response>
  /** `true` for the paths the BFF answers (use it to route in a host server). */
  readonly handles: (pathname: string) => boolean
  /** The public keys to register at Moneyhub (also served at `/.well-known/jwks.json`). */
  readonly jwks: { keys: JWK[] }
  readonly logger: Logger
  readonly store: Store
  /** Closes the upstream connection pool and the store. */
  close(): Promise<void>
}

function openStore(options: BffOptions, production: boolean): Store {
  const store = options.sessionStore ?? 'sqlite'
  if (typeof store === 'object') return store
  if (store === 'memory') {
    if (production) throw new TypeError('sessionStore: memory is for tests only, not production')
    return createMemoryStore()
  }
  if (store === 'redis') {
    if (options.redisUrl === undefined) throw new TypeError('redisUrl is required for redis')
    return createRedisStore({ url: options.redisUrl })
  }
  return createSqliteStore({ path: options.sqlitePath ?? '.data/bff.sqlite' })
}

// Outside production a missing key is generated once and kept next to the SQLite file, so a
// development restart keeps sessions readable.
function developmentSessionKey(sqlitePath: string, logger: Logger): Buffer {
  const file = join(dirname(sqlitePath), 'session-encryption.key')
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex')
  mkdirSync(dirname(file), { recursive: true })
  const key = randomBytes(32)
  writeFileSync(file, key.toString('hex'), { mode: 0o600 })
  logger.warn({ file }, 'generated a development session encryption key')
  return key
}

function sessionKey(options: BffOptions, production: boolean, logger: Logger): Buffer {
  const key = options.sessionEncryptionKey
  // Bytes go through the same checks as text (length, and no degenerate key).
  const text = Buffer.isBuffer(key) ? key.toString('hex') : key
  const parsed = sessionKeyFromEnv(text, production)
  return parsed ?? developmentSessionKey(options.sqlitePath ?? '.data/bff.sqlite', logger)
}

function trimSlash(url: string): string {
  return url.replace(/\/$/, '')
}

/**
 * Builds a complete BFF from plain options: the Moneyhub client (with a keep-alive connection
 * pool), the session store, the logger and the Hono app. Mount `bff.fetch` in any server, or
 * run it with `serveBff` from `@mhkit/bff/node`.
 *
 * @example
 * ```ts
 * import { createBff, loadConfig } from '@mhkit/bff'
 * import { serveBff } from '@mhkit/bff/node'
 * const bff = await createBff(loadConfig())
 * serveBff(bff, { port: 8787 })
 * ```
 * @throws EnvError naming the equivalent environment variable when the key or the session key
 *   is unusable; TypeError for another unusable option; Error when the chosen store's driver is
 *   not installed
 */
export async function createBff(options: BffOptions): Promise<Bff> {
  const nodeEnv = options.nodeEnv ?? 'production'
  const production = nodeEnv === 'production'
  const logger = options.logger ?? createLogger({ level: options.logLevel ?? 'info' })
  const mh = options.moneyhub
  const privateKey = mh.privateKey
  let keys: ClientKeys
  try {
    keys = await loadClientKeys({
      ...(typeof privateKey === 'string' && !privateKey.trimStart().startsWith('{')
        ? { pem: privateKey }
        : { jwk: privateKey }),
      ...(mh.keyId === undefined ? {} : { kid: mh.keyId }),
    })
  } catch (error) {
    // The key's own message says what is wrong with it and never contains key material.
    throw new EnvError(
      'MONEYHUB_PRIVATE_KEY',
      error instanceof Error ? error.message : 'cannot be loaded',
    )
  }
  const appOrigin = new URL(options.appOrigin).origin
  const issuer = trimSlash(mh.issuer ?? 'https://identity.moneyhub.co.uk/oidc')
  if (production) {
    for (const [name, url] of Object.entries({
      issuer,
      apiUrl: mh.apiUrl,
      identityUrl: mh.identityUrl,
    })) {
      if (url !== undefined && !url.startsWith('https://')) {
        throw new TypeError(`moneyhub.${name} must use https:// in production`)
      }
    }
  }
  const sessionEncryptionKey = sessionKey(options, production, logger)
  const store = openStore(options, production)
  const upstream = createHttpTransport()
  const moneyhub = createMoneyhubClient({
    request: upstream.request,
    issuer,
    apiUrl: trimSlash(mh.apiUrl ?? 'https://api.moneyhub.co.uk/v3'),
    identityUrl: trimSlash(mh.identityUrl ?? new URL(issuer).origin),
    clientId: mh.clientId,
    redirectUri: mh.redirectUri ?? `${appOrigin}/api/callback`,
    keys,
    idTokenAlg: mh.idTokenAlg ?? 'RS256',
    // Plain http:// only reaches the loopback simulator, and never in production.
    allowInsecureLoopback: !production,
    logger: logger.child({ component: 'moneyhub' }),
    // Tokens for users live in the store, sealed, so every instance over it shares them and
    // asks Moneyhub once (docs/decisions/006-shared-token-cache.md).
    tokenCache: createSharedTokenCache({
      store: guardStore(store),
      sealer: createSealer(sessionEncryptionKey),
    }),
  })
  // Live events cross instances through Redis when the store is Redis; else one process.
  const events =
    options.sessionStore === 'redis' && options.redisUrl !== undefined
      ? createRedisEventBus({ url: options.redisUrl })
      : createMemoryEventBus()
  const app = createApp({
    moneyhub,
    store,
    logger,
    events,
    config: {
      appOrigin,
      sessionEncryptionKey,
      corsOrigins: options.corsOrigins ?? [],
      trustProxy: options.trustProxy ?? false,
      rateLimits: scaledRateLimits(options.rateLimitMultiplier ?? 1),
      // Logos are bytes, not the text the upstream seam reads, and are fetched once per bank:
      // the global fetch, with loopback http (the simulator) only outside production.
      bankIcons: { allowInsecureLoopback: !production },
      ...(options.callbackErrorPage === undefined
        ? {}
        : { callbackErrorPage: options.callbackErrorPage }),
      ...(options.webhooks === undefined ? {} : { webhooks: options.webhooks }),
    },
    ...(options.userBinding === undefined ? {} : { userBinding: options.userBinding }),
    // The socket's peer address when the request came through @hono/node-server (directly or
    // through a host app); unknown otherwise (rate limits then count per unknown peer).
    peerAddress: (c) => {
      try {
        return getConnInfo(c).remote.address
      } catch {
        return undefined
      }
    },
  })
  const spa = options.staticDir === undefined ? undefined : await serveSpa(options.staticDir)
  const fetch = (request: Request, env?: unknown): Response | Promise<Response> => {
    if (spa === undefined || isBffPath(new URL(request.url).pathname)) {
      return app.fetch(request, env)
    }
    return spa.fetch(request, env)
  }
  return {
    app,
    fetch,
    handles: isBffPath,
    jwks: publicJwks(keys),
    logger,
    store,
    async close() {
      upstream.close()
      await events.close()
      await store.close()
    },
  }
}
