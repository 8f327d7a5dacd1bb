import type { Logger } from './logger'
import type { Session } from './session/sessions'

/** Hono environment of the BFF: per-request variables set by the middleware. */
export interface AppEnv {
  Variables: {
    /** The request id, also the `correlationId` of error bodies and `X-Request-Id`. */
    requestId: string
    /** A child logger carrying `requestId` on every line. */
    log: Logger
    /** The client IP used by rate limits. */
    clientIp: string
    /** The live session, when the request carried a valid session cookie. */
    session: Session | undefined
  }
}
