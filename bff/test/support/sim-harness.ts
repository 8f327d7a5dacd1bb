import { randomBytes } from 'node:crypto'

import { startSimulator, type RunningSimulator } from '@mhkit/sim'
import { afterAll, beforeAll, beforeEach } from 'vitest'

import { createApp, type AppConfig } from '../../src/app'
import { createLogger } from '../../src/logger'
import {
  createHttpTransport,
  createMoneyhubClient,
  generateClientKey,
  loadClientKeys,
  type HttpRequester,
  type MoneyhubClient,
} from '../../src/moneyhub'
import type { ClientKeys } from '../../src/moneyhub'
import { createMemoryStore } from '../../src/session/memory-store'
import type { Store } from '../../src/session/store'
import type { UserBinding } from '../../src/user-binding'
import type { EventBus } from '../../src/events/event-bus'
import { fakeClock, type FakeClock } from './fake-clock'
import { TestBrowser } from './browser'
import { APP_ORIGIN, captureLogs, type LogCapture } from './test-app'

export const CLIENT_ID = 'mhkit-bff-test'
export const REDIRECT_URI = `${APP_ORIGIN}/api/callback`

/** A simulator with this BFF's client registered, plus the client's keys. */
export interface SimWorld {
  sim: RunningSimulator
  keys: ClientKeys
  /** The private JWK behind `keys` (what a user passes to `createBff`). */
  privateJwk: Record<string, unknown>
  /** Every request the Moneyhub client sent and every response body it got (log canary). */
  wire: string[]
  /**
   * The keep-alive `node:http` requester the BFF uses in production
   * (src/moneyhub/http-transport.ts); every upstream call of {@link simMoneyhub} goes through it.
   */
  request: HttpRequester
  /** Every request {@link simMoneyhub}'s clients sent, as `METHOD path` (no query). */
  sent: string[]
  close(): Promise<void>
}

/**
 * One simulator for a whole test file: started before its tests, its counters zeroed before
 * each test and closed after the file. The object is filled in by `beforeAll`, so tests read it
 * as usual (`world.sim.issuer`).
 */
export function simWorldPerFile(): SimWorld {
  const world = {} as SimWorld
  beforeAll(async () => {
    Object.assign(world, await startSimWorld())
  })
  beforeEach(async () => {
    await world.sim.admin.resetCounters()
  })
  afterAll(async () => {
    await world.close()
  })
  return world
}

/** Starts the simulator on random loopback ports with a freshly generated client key. */
export async function startSimWorld(options: { parTtlSeconds?: number } = {}): Promise<SimWorld> {
  const jwk = await generateClientKey('PS256')
  const keys = await loadClientKeys({ jwk })
  const sim = await startSimulator({
    clients: [
      {
        client_id: CLIENT_ID,
        jwks: { keys: keys.all.map((k) => k.publicJwk) },
        redirect_uris: [REDIRECT_URI],
        request_object_signing_alg: 'PS256',
        id_token_signed_response_alg: 'PS256',
      },
    ],
    ...(options.parTtlSeconds === undefined ? {} : { parTtlSeconds: options.parTtlSeconds }),
  })
  const transport = createHttpTransport()
  return {
    sim,
    keys,
    privateJwk: jwk,
    wire: [],
    request: transport.request,
    sent: [],
    close: async () => {
      transport.close()
      await sim.close()
    },
  }
}

/** A real Moneyhub client wired to the simulator, recording the wire for the log canary. */
export function simMoneyhub(
  world: SimWorld,
  options: { dataTimeoutMs?: number } = {},
): MoneyhubClient {
  return createMoneyhubClient({
    issuer: world.sim.issuer,
    identityUrl: world.sim.identityUrl,
    apiUrl: world.sim.apiUrl,
    clientId: CLIENT_ID,
    redirectUri: REDIRECT_URI,
    keys: world.keys,
    idTokenAlg: 'PS256',
    allowInsecureLoopback: true,
    retry: { maxRetries: 0, sleep: () => Promise.resolve() },
    ...(options.dataTimeoutMs === undefined ? {} : { timeouts: { data: options.dataTimeoutMs } }),
    request: async (upstream) => {
      world.sent.push(`${upstream.method} ${new URL(upstream.url).pathname}`)
      if (upstream.body !== undefined) world.wire.push(upstream.body)
      const reply = await world.request(upstream)
      world.wire.push(reply.text)
      return reply
    },
  })
}

/** The BFF app over the simulator, with a cookie-keeping browser. */
export interface BffUnderTest {
  app: ReturnType<typeof createApp>
  browser: TestBrowser
  logs: LogCapture
  clock: FakeClock
  store: Store
  moneyhub: MoneyhubClient
}

/** Builds the BFF over the simulator (memory store unless one is given). */
export function bffOverSim(
  world: SimWorld,
  options: {
    userBinding?: UserBinding
    store?: Store
    key?: Buffer
    clock?: FakeClock
    config?: Partial<AppConfig>
    moneyhub?: MoneyhubClient
    events?: EventBus
  } = {},
): BffUnderTest {
  const clock = options.clock ?? fakeClock(Date.now())
  const store = options.store ?? createMemoryStore({ clock })
  const logs = captureLogs()
  const moneyhub = options.moneyhub ?? simMoneyhub(world)
  const app = createApp({
    moneyhub,
    store,
    clock,
    logger: createLogger({ level: 'debug', destination: logs }),
    ...(options.userBinding === undefined ? {} : { userBinding: options.userBinding }),
    ...(options.events === undefined ? {} : { events: options.events }),
    config: {
      appOrigin: APP_ORIGIN,
      sessionEncryptionKey: options.key ?? randomBytes(32),
      bankLists: { ais: ['all'], payments: ['payments'] },
      ...options.config,
    },
  })
  const browser = new TestBrowser((path, init) => app.request(path, init), APP_ORIGIN)
  return { app, browser, logs, clock, store, moneyhub }
}

/** The path and query of a callback URL the bank pages redirected to. */
export function callbackPath(url: string): string {
  const u = new URL(url)
  return `${u.pathname}${u.search}`
}
