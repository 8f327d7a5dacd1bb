/**
 * `@mhkit/bff` — the Moneyhub Connect Kit backend-for-frontend as a library.
 *
 * - `createBff(options)` builds everything from plain options (or from `loadConfig()`);
 * - `createApp(deps)` is the Hono app alone, for teams that build the Moneyhub client, store
 *   and logger themselves;
 * - the store factories and the logger are the ones the BFF uses.
 *
 * Serve it with `@mhkit/bff/node`; the protocol client is `@mhkit/bff/moneyhub`.
 */
export {
  createApp,
  defaultRateLimits,
  scaledRateLimits,
  type AppConfig,
  type AppDeps,
  type AppType,
  type RateLimits,
} from './app'
export { createBff, type Bff, type BffOptions } from './create-bff'
export { isBffPath } from './bff-paths'
export { EnvError, loadConfig, type BffConfig } from './env'
export { createLogger, type Logger } from './logger'
export { createMemoryStore } from './session/memory-store'
export { createRedisStore } from './session/redis-store'
export { createSqliteStore } from './session/sqlite-store'
export type { Store, StoreCount, StoreLock } from './session/store'
export type { Clock } from './clock'
export type { RateLimit } from './middleware/rate-limit'
export type { SessionPolicy } from './session/sessions'
export { sessionUserBinding, type UserBinding } from './user-binding'
