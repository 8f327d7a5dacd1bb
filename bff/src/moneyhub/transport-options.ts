/**
 * What the client's transport is given: timeouts, the retry policy, the circuit breaker and a
 * logger. Public: `MoneyhubClientOptions` takes them.
 */
/** Minimal logger; pino's `logger.info(fields, msg)` signature fits. Never given secrets. */
export interface MoneyhubLogger {
  debug(fields: Record<string, unknown>, msg: string): void
  info(fields: Record<string, unknown>, msg: string): void
  warn(fields: Record<string, unknown>, msg: string): void
  error(fields: Record<string, unknown>, msg: string): void
}

/** Timeouts in milliseconds, enforced with `AbortSignal` on every call. */
export interface MoneyhubTimeouts {
  /** Discovery, PAR, token, identity REST (default 10 000). */
  identity?: number
  /** JWKS fetches (default 5 000). */
  jwks?: number
  /** Data API (default 15 000). */
  data?: number
}

/** Retry policy for idempotent GETs; `random` and `sleep` are injectable so tests never wait. */
export interface MoneyhubRetryOptions {
  /** Retries after the first attempt (default 2, at most 2). */
  maxRetries?: number
  /** First backoff step in ms (default 200); doubles per attempt, full jitter. */
  baseDelayMs?: number
  /** Longest `Retry-After` waited inline, in ms (default 5 000); beyond it fail fast. */
  maxRetryAfterMs?: number
  random?: () => number
  sleep?: (ms: number) => Promise<void>
}

/** Circuit breaker settings (docs/security.md R11), per upstream. */
export interface CircuitBreakerOptions {
  /** Consecutive failed calls that open the circuit (default 5). */
  failureThreshold?: number
  /** How long an open circuit refuses calls before letting one probe through (default 10 s). */
  openMs?: number
}
