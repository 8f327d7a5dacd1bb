import { Hono } from 'hono'

import type { AppEnv } from '../../src/context'
import { AppError } from '../../src/errors'
import { createLogger } from '../../src/logger'
import { captureLogs, type LogCapture } from './test-app'

/** A bare Hono app for testing one middleware, and the log lines it wrote. */
export interface BareApp {
  app: Hono<AppEnv>
  logs: LogCapture
}

/**
 * A bare `new Hono()` with only what every BFF middleware reads from the context (`log`,
 * `requestId`, `clientIp`, `session`) and an error handler that answers an `AppError` with its
 * status and `{ code }`, so a middleware is tested alone, without the app's composition.
 *
 * @param options.clientIp - the client IP the request context would have set
 */
export function bareApp(options: { clientIp?: string } = {}): BareApp {
  const logs = captureLogs()
  const log = createLogger({ level: 'debug', destination: logs })
  const app = new Hono<AppEnv>()
  app.use(async (c, next) => {
    c.set('requestId', 'test-request')
    c.set('log', log)
    c.set('clientIp', options.clientIp ?? '203.0.113.7')
    c.set('session', undefined)
    await next()
  })
  app.onError((error, c) => {
    if (!(error instanceof AppError)) throw error
    if (error.retryAfter !== undefined) c.header('Retry-After', String(error.retryAfter))
    return c.json({ code: error.code }, error.status as 400)
  })
  return { app, logs }
}

/** The security events a middleware logged, by reason. */
export function securityReasons(logs: LogCapture): unknown[] {
  return logs.lines.filter((line) => line.event === 'security').map((line) => line.reason)
}
