import { randomBytes } from 'node:crypto'

import { createApp, type AppConfig } from '../../src/app'
import { createLogger } from '../../src/logger'
import {
  createMoneyhubClient,
  generateClientKey,
  loadClientKeys,
  type MoneyhubClient,
} from '../../src/moneyhub'
import { createMemoryStore } from '../../src/session/memory-store'
import type { Store } from '../../src/session/store'
import type { UserBinding } from '../../src/user-binding'
import { fakeClock, type FakeClock } from './fake-clock'

export const APP_ORIGIN = 'https://app.example.test'
/** The issuer of {@link offlineMoneyhub}: a callback's `iss` must name it. */
export const OFFLINE_ISSUER = 'http://127.0.0.1:9/oidc'

/** Captured log lines (parsed JSON) and their raw text. */
export interface LogCapture {
  lines: Record<string, unknown>[]
  raw: string[]
}

/** A pino destination that keeps every line in memory. */
export function captureLogs(): LogCapture & { write(line: string): void } {
  const lines: Record<string, unknown>[] = []
  const raw: string[] = []
  return {
    lines,
    raw,
    write(line: string) {
      raw.push(line)
      lines.push(JSON.parse(line) as Record<string, unknown>)
    },
  }
}

/** Every upstream request the Moneyhub client tried to make. */
interface UpstreamLog {
  calls: string[]
}

/**
 * A real Moneyhub client whose fetch never reaches a network: it records the URL and fails,
 * so a test can prove a rejected request made no upstream call.
 */
async function offlineMoneyhub(upstream: UpstreamLog, now: () => number): Promise<MoneyhubClient> {
  const keys = await loadClientKeys({ jwk: await generateClientKey('ES256') })
  return createMoneyhubClient({
    issuer: OFFLINE_ISSUER,
    apiUrl: 'http://127.0.0.1:9/v3',
    clientId: 'test-client',
    redirectUri: `${APP_ORIGIN}/api/callback`,
    keys,
    allowInsecureLoopback: true,
    now,
    retry: { maxRetries: 0, sleep: () => Promise.resolve() },
    fetch: (input) => {
      upstream.calls.push(String(input))
      return Promise.reject(new TypeError('fetch failed (offline test upstream)'))
    },
  })
}

export interface TestApp {
  app: ReturnType<typeof createApp>
  clock: FakeClock
  store: Store
  logs: LogCapture
  upstream: UpstreamLog
  moneyhub: MoneyhubClient
}

/** Builds the app with a fake clock, a memory store, captured logs and an offline upstream. */
export async function buildTestApp(
  options: {
    config?: Partial<AppConfig>
    moneyhub?: MoneyhubClient
    store?: Store
    clock?: FakeClock
    userBinding?: UserBinding
  } = {},
): Promise<TestApp> {
  const clock = options.clock ?? fakeClock(Date.now())
  const store = options.store ?? createMemoryStore({ clock })
  const logs = captureLogs()
  const upstream: UpstreamLog = { calls: [] }
  const moneyhub = options.moneyhub ?? (await offlineMoneyhub(upstream, () => clock.now()))
  const app = createApp({
    moneyhub,
    store,
    clock: clock,
    logger: createLogger({ level: 'debug', destination: logs }),
    config: {
      appOrigin: APP_ORIGIN,
      sessionEncryptionKey: randomBytes(32),
      ...options.config,
    },
    ...(options.userBinding === undefined ? {} : { userBinding: options.userBinding }),
  })
  return { app, clock, store, logs, upstream, moneyhub }
}

/** Headers of a well-behaved same-origin SPA request. */
export function spaHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { 'X-CSRF': '1', Origin: APP_ORIGIN, ...extra }
}

/** Headers of a well-behaved JSON write. */
export function jsonHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return spaHeaders({ 'Content-Type': 'application/json', ...extra })
}
