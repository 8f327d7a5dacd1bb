import { returnToProblem } from '@mhkit/shared'
import { Hono, type MiddlewareHandler } from 'hono'

import { createBankCatalog, type BankListSources } from './banks/bank-catalog'
import type { BankIconsOptions } from './banks/bank-icons'
import { systemClock, type Clock } from './clock'
import type { AppEnv } from './context'
import { createEndedLogins } from './flows/ended-logins'
import { createFlowRecords } from './flows/flow-records'
import { createFirstConnectUsers } from './flows/first-connect-users'
import { createLoginTransactions } from './flows/login-transactions'
import type { Logger } from './logger'
import { corsAllowlist } from './middleware/cors'
import { requireCsrfHeader } from './middleware/csrf'
import { errorHandler, onNotFound } from './middleware/error-handler'
import { limitBody, requireJsonContentType } from './middleware/json-body'
import { requireSameOrigin } from './middleware/origin'
import { rateLimit, type RateLimit } from './middleware/rate-limit'
import { refuseHead } from './middleware/refuse-head'
import { requestContext, type PeerAddress } from './middleware/request-context'
import { securityHeaders } from './middleware/security-headers'
import { loadSession } from './middleware/session'
import type { MoneyhubClient } from './moneyhub'
import { bankRoutes } from './routes/banks'
import { callbackRoutes } from './routes/callback'
import { connectRoutes } from './routes/connect'
import { connectionRoutes } from './routes/connections'
import { dataRoutes } from './routes/data'
import { eventRoutes } from './routes/events'
import { createMemoryEventBus, type EventBus } from './events/event-bus'
import { createEventBacklog } from './events/event-backlog'
import { createLiveEvents } from './events/live-events'
import { flowRoutes } from './routes/flows'
import { openApiRoutes } from './routes/openapi'
import { operationalRoutes } from './routes/operational'
import { createIdempotency } from './payments/idempotency'
import { createPaymentLedger } from './payments/payment-ledger'
import { payeeRoutes } from './routes/payees'
import { paymentRoutes } from './routes/payments'
import { recurringPaymentRoutes } from './routes/recurring-payments'
import { standingOrderRoutes } from './routes/standing-orders'
import { webhookRoutes } from './routes/webhooks'
import type { WebhookConfig } from './webhooks/webhook-config'
import { sessionRoutes } from './routes/session'
import { guardStore } from './session/guarded-store'
import { createSealer } from './session/sealer'
import { createSessionManager, defaultSessionPolicy, type SessionPolicy } from './session/sessions'
import type { Store } from './session/store'
import type { Services } from './services'
import { sessionUserBinding, type UserBinding } from './user-binding'

/**
 * Rate limits of the BFF (fixed windows). Connect and callback limits are counted in the
 * store, so several instances share them; the general API limit is counted per process.
 */
export interface RateLimits {
  /** `POST /api/connect` per client IP (each start costs a PAR call at Moneyhub). */
  connectPerIp: RateLimit
  /** `POST /api/connect` per session. */
  connectPerSession: RateLimit
  /** `GET /api/callback` per client IP. */
  callbackPerIp: RateLimit
  /** Every other `/api` route per client IP. */
  apiPerIp: RateLimit
}

/** Defaults: 60 connects/min per IP, 10/min per session, 60 callbacks/min per IP, 1200 API calls/min per IP. */
export const defaultRateLimits: RateLimits = {
  connectPerIp: { max: 60, windowMs: 60_000 },
  connectPerSession: { max: 10, windowMs: 60_000 },
  callbackPerIp: { max: 60, windowMs: 60_000 },
  apiPerIp: { max: 1200, windowMs: 60_000 },
}

/**
 * The default limits with every `max` multiplied (RATE_LIMIT_MULTIPLIER), for end-to-end
 * runs and load tests where all traffic comes from one loopback address.
 *
 * @param multiplier - a whole number of at least 1
 */
export function scaledRateLimits(multiplier: number): RateLimits {
  const scale = (limit: RateLimit): RateLimit => ({ ...limit, max: limit.max * multiplier })
  return {
    connectPerIp: scale(defaultRateLimits.connectPerIp),
    connectPerSession: scale(defaultRateLimits.connectPerSession),
    callbackPerIp: scale(defaultRateLimits.callbackPerIp),
    apiPerIp: scale(defaultRateLimits.apiPerIp),
  }
}

/** The money-moving or PAR-sending POST routes, rate limited like `POST /api/connect`. */
const PAYMENT_WRITE_PATHS = [
  '/api/payments',
  '/api/payments/:id/refund',
  '/api/recurring-payments',
  '/api/recurring-payments/:id/pay',
  '/api/standing-orders',
]

/** Settings of {@link createApp} (the parts of the environment the app itself needs). */
export interface AppConfig {
  /** The SPA's origin (APP_ORIGIN); non-GET requests must carry it as `Origin`. */
  appOrigin: string
  /** 32-byte key for sealing tokens at rest (SESSION_ENCRYPTION_KEY). */
  sessionEncryptionKey: Buffer
  /** Exact origins allowed cross-origin with credentials; empty (default) = no CORS at all. */
  corsOrigins?: string[]
  /** Take the client IP from `X-Forwarded-For` (behind a reverse proxy). */
  trustProxy?: boolean
  session?: SessionPolicy
  rateLimits?: Partial<RateLimits>
  /** Largest request body in bytes (default 16 KiB). */
  bodyLimitBytes?: number
  /**
   * The app's page (a same-origin path, default `/`) where a bad callback lands with
   * `?flowError=<code>` when the browser has no flow of its own to name its return page (see
   * `flows/callback-landing.ts`); mount the kit's `ConnectCallback` there.
   */
  callbackErrorPage?: string
  /** Bank set used when a connect request names no bank (default `all`). */
  defaultBankSet?: 'all' | 'api' | 'test'
  /** Which well-known lists feed `GET /api/banks`. */
  bankLists?: BankListSources
  /** Bank list cache lifetime (default 1 hour). */
  bankCacheTtlMs?: number
  /**
   * How bank logos are fetched for `GET /api/banks/:bankId/icon`: the upstream fetch and the
   * loopback-http opt-in of the Moneyhub client (default: global fetch, https only).
   */
  bankIcons?: BankIconsOptions
  /** How `POST /webhooks/moneyhub` accepts deliveries (default: signed JWT only). */
  webhooks?: WebhookConfig
}

/** Everything the app depends on; `server.ts` builds the real ones, tests build their own. */
export interface AppDeps {
  moneyhub: MoneyhubClient
  store: Store
  logger: Logger
  config: AppConfig
  clock?: Clock
  /** Where the Moneyhub user is bound (default: the BFF session). */
  userBinding?: UserBinding
  /** The socket peer address (the Node adapter's connection info); tests leave it out. */
  peerAddress?: PeerAddress
  /** Live-event fan-out between instances (default: in this process only). */
  events?: EventBus
}

/**
 * Builds the BFF's Hono app: middleware in a fixed order (request id and logger → security
 * headers → optional CORS → `HEAD` refused on `/api` → CSRF header on `/api` → same-origin and JSON content type on
 * writes → body limit → rate limits → session), then the routes of docs/architecture.md §3, and one
 * error mapper.
 *
 * @param deps - see {@link AppDeps}
 * @throws TypeError when the encryption key is not 32 bytes, or `callbackErrorPage` is not a
 *   same-origin path
 */
export function createApp(deps: AppDeps) {
  const clock = deps.clock ?? systemClock
  const config = deps.config
  const policy = config.session ?? defaultSessionPolicy
  const limits = { ...defaultRateLimits, ...config.rateLimits }
  // Every store failure becomes 503 `service_unavailable` with Retry-After, on every route
  // that touches the store (the shared rate limits, sessions, flows, the callback).
  const store = guardStore(deps.store)
  const sessions = createSessionManager({
    store,
    sealer: createSealer(config.sessionEncryptionKey),
    clock,
    policy,
  })
  const liveEvents = createLiveEvents({
    bus: deps.events ?? createMemoryEventBus(),
    backlog: createEventBacklog(store),
    store,
    clock,
  })
  const services: Services = {
    moneyhub: deps.moneyhub,
    sessions,
    flows: createFlowRecords(store, clock),
    transactions: createLoginTransactions(store),
    firstConnectUsers: createFirstConnectUsers(store, deps.moneyhub, (err: unknown) =>
      deps.logger.warn({ err }, 'an unused Moneyhub user was not deleted'),
    ),
    logins: createEndedLogins(store, clock),
    payments: createPaymentLedger(store),
    idempotency: createIdempotency(store),
    banks: createBankCatalog({
      moneyhub: deps.moneyhub,
      clock,
      ...(config.bankCacheTtlMs === undefined ? {} : { ttlMs: config.bankCacheTtlMs }),
      ...(config.bankLists === undefined ? {} : { sources: config.bankLists }),
    }),
    userBinding: deps.userBinding ?? sessionUserBinding,
    liveEvents,
    clock,
    defaultBankSet: config.defaultBankSet ?? 'all',
  }
  const corsOrigins = config.corsOrigins ?? []
  const callbackErrorPage = config.callbackErrorPage ?? '/'
  const pageProblem = returnToProblem(callbackErrorPage)
  if (pageProblem !== undefined) {
    throw new TypeError(`config.callbackErrorPage: ${pageProblem}`)
  }

  const app = new Hono<AppEnv>()
  app.onError(errorHandler({ flows: services.flows, callbackErrorPage }))
  app.notFound(onNotFound)
  app.use(
    requestContext({
      logger: deps.logger,
      trustProxy: config.trustProxy ?? false,
      peerAddress: deps.peerAddress ?? (() => undefined),
    }),
  )
  app.use(securityHeaders({ hsts: config.appOrigin.startsWith('https://') }))
  if (corsOrigins.length > 0) {
    // Exact allowlist only: never `*`, never a reflected or `null` origin (docs/security.md C4).
    app.use(
      '/api/*',
      corsAllowlist({
        origins: corsOrigins,
        allowHeaders: ['Content-Type', 'X-CSRF', 'Idempotency-Key'],
        allowMethods: ['GET', 'POST', 'DELETE'],
        maxAgeSeconds: 600,
      }),
    )
  }
  // Before anything that writes: HEAD runs the GET handlers (docs/security.md LL4).
  app.use('/api/*', refuseHead())
  app.use('/api/*', requireCsrfHeader())
  app.use('/api/*', requireSameOrigin({ allowed: [config.appOrigin, ...corsOrigins] }))
  app.use('/api/*', requireJsonContentType())
  app.use('/api/*', limitBody(config.bodyLimitBytes))
  app.use(
    '/api/connect',
    rateLimit({
      name: 'connect',
      perIp: limits.connectPerIp,
      perSession: limits.connectPerSession,
      clock,
      // Counted in the store: shared by every instance (each start costs a PAR call).
      store,
    }),
  )
  // Each payment start costs a PAR (and a payee registration), and a VRP payment moves money:
  // counted like connects, in the store, for POST only (their GETs are data reads).
  const paymentLimit = rateLimit({
    name: 'payment',
    perIp: limits.connectPerIp,
    perSession: limits.connectPerSession,
    clock,
    store,
  })
  const paymentWrites: MiddlewareHandler<AppEnv> = (c, next) =>
    c.req.method === 'POST' ? paymentLimit(c, next) : next()
  for (const path of PAYMENT_WRITE_PATHS) app.use(path, paymentWrites)
  app.use(
    '/api/callback',
    rateLimit({ name: 'callback', perIp: limits.callbackPerIp, clock, store }),
  )
  // Every data request passes here: counted in process memory (no store round trip), per
  // instance. README "Security".
  app.use('/api/*', rateLimit({ name: 'api', perIp: limits.apiPerIp, clock }))
  app.use('/api/*', loadSession(sessions))

  const routes = app
    .route('/', sessionRoutes(services, policy))
    .route('/', connectRoutes(services))
    .route('/', callbackRoutes(services))
    .route('/', flowRoutes(services))
    .route('/', bankRoutes(services, config.bankIcons))
    .route('/', dataRoutes(services))
    .route('/', connectionRoutes(services))
    .route('/', paymentRoutes(services))
    .route('/', payeeRoutes(services))
    .route('/', recurringPaymentRoutes(services))
    .route('/', standingOrderRoutes(services))
    .route('/', eventRoutes(services, liveEvents))
    .route(
      '/',
      webhookRoutes(services, { store, liveEvents, clock }, config.webhooks ?? { format: 'jwt' }),
    )
    .route('/', openApiRoutes())
    .route('/', operationalRoutes(services, store))
  return routes
}

/** The typed contract of the BFF, for `hc<AppType>` in the kit (types only). */
export type AppType = ReturnType<typeof createApp>
