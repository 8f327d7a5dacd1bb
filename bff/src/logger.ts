import {
  destination as pinoDestination,
  pino,
  type Bindings,
  type ChildLoggerOptions,
  type DestinationStream,
  type Logger,
} from 'pino'

export type { Logger } from 'pino'

const REDACTED = '[redacted]'

// Field names whose values are secrets wherever they appear (compared lower-cased, with `-`
// and `_` removed so `access_token`, `accessToken` and `Access-Token` all match).
const SECRET_FIELDS = new Set(
  [
    'access_token',
    'refresh_token',
    'id_token',
    'token',
    'tokens',
    'code_verifier',
    'verifier',
    'client_assertion',
    'assertion',
    'request',
    'request_object',
    'private_key',
    'privatekey',
    'key',
    'jwk',
    'd',
    'password',
    'secret',
    'client_secret',
    'cookie',
    'set-cookie',
    'authorization',
    'dpop',
    'session_id',
    'sessionid',
    'sid',
    'nonce',
    'state',
  ].map((name) => name.replace(/[-_]/g, '')),
)

// A JWT/JWS/JWE anywhere in a string: base64url header starting `eyJ` followed by dot-separated
// segments. PEM blocks too.
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{2,}(?:\.[A-Za-z0-9_-]*){1,4}/g
const PEM_PATTERN = /-----BEGIN [A-Z ]+-----[\s\S]*?-----END [A-Z ]+-----/g
// `code` is both the OAuth authorization code and our stable error code field; only values in
// the shape of our codes (short lower_snake identifiers) are kept.
const STABLE_CODE = /^[a-z][a-z0-9_]{0,47}$/

function scrubString(value: string): string {
  return value.replace(JWT_PATTERN, '[redacted-jwt]').replace(PEM_PATTERN, '[redacted-pem]')
}

/**
 * Returns a copy of `value` with secrets removed: by field name (tokens, codes, verifiers,
 * assertions, keys, cookies, session ids) and by a JWT/PEM-shaped pattern in any string.
 * docs/security.md L1.
 *
 * @param value - anything about to be logged
 */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubString(value)
  if (value === null || typeof value !== 'object') return value
  if (depth > 8) return '[truncated]'
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1))
  if (value instanceof Error) {
    const err: Record<string, unknown> = {
      type: value.name,
      message: scrubString(value.message),
    }
    const code = (value as { code?: unknown }).code
    if (typeof code === 'string') err.code = STABLE_CODE.test(code) ? code : REDACTED
    return err
  }
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    const norm = k.toLowerCase().replace(/[-_]/g, '')
    if (SECRET_FIELDS.has(norm)) out[k] = REDACTED
    else if (norm === 'code') out[k] = typeof v === 'string' && STABLE_CODE.test(v) ? v : REDACTED
    else out[k] = redact(v, depth + 1)
  }
  return out
}

/** Bytes of log lines gathered before one write to stdout. */
const STDOUT_BUFFER_BYTES = 4096
/** Longest a gathered line waits for its write. */
const STDOUT_FLUSH_MS = 1000

/**
 * Standard output for log lines, written in batches off the request path. A synchronous
 * write per line costs each request one system call (the access line measured 0.08–0.18 ms);
 * here lines gather up to 4 KiB and are written asynchronously, and at most a second after
 * they were logged. What a crash can lose, and why that is acceptable: pino flushes the buffer
 * synchronously on `exit` (so `process.exit` after `logger.fatal`, as `server.ts` does on an
 * unhandled rejection, and a signal-driven shutdown keep every line); only a kill -9 or a
 * native abort loses what is gathered, at most 4 KiB or one second of lines.
 */
function bufferedStdout(): DestinationStream {
  const destination = pinoDestination({ dest: 1, sync: false, minLength: STDOUT_BUFFER_BYTES })
  setInterval(() => {
    try {
      destination.flush()
    } catch {
      // Nothing gathered, or a write already under way: the next tick takes it.
    }
  }, STDOUT_FLUSH_MS).unref()
  return destination
}

/**
 * Creates the BFF's structured JSON logger (pino) with redaction of secrets in every bound
 * field and message, UTC ISO timestamps, and no pid/hostname noise. docs/security.md L1, L4.
 *
 * @param options.level - pino level (LOG_LEVEL)
 * @param options.destination - where lines go (default: standard output, batched, see
 *   `bufferedStdout`; tests capture it)
 */
export function createLogger(
  options: { level?: string; destination?: DestinationStream } = {},
): Logger {
  const root = pino(
    {
      level: options.level ?? 'info',
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redact(object) as Record<string, unknown>,
      },
      hooks: {
        // Messages are scrubbed too: a token pasted into a message string is still a token.
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === 'string' ? scrubString(a) : a))
          return method.apply(this, scrubbed as Parameters<typeof method>)
        },
      },
    },
    options.destination ?? bufferedStdout(),
  )
  return withRedactedChildren(root)
}

/**
 * A child logger with `bindings`, made only when something first uses it. Most requests log
 * nothing but their access line (written with the root logger), so a child per request would
 * be work thrown away; this is one small object instead.
 *
 * @param parent - the logger to derive from (children of the BFF's logger are redacted)
 * @param bindings - fields every line of the child carries
 */
export function lazyChild(parent: Logger, bindings: Bindings): Logger {
  let child: Logger | undefined
  const target = (): Logger => (child ??= parent.child(bindings))
  return new Proxy({} as Logger, {
    get(_, property) {
      const logger = target()
      const value: unknown = Reflect.get(logger, property, logger)
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(logger)
        : value
    },
    set(_, property, value) {
      return Reflect.set(target(), property, value)
    },
    has(_, property) {
      return Reflect.has(target(), property)
    },
  })
}

// pino serialises child bindings once, without the `log` formatter, so they are scrubbed here.
function withRedactedChildren(logger: Logger): Logger {
  const child = logger.child.bind(logger)
  const redacting = (bindings: Bindings, options?: ChildLoggerOptions): Logger =>
    withRedactedChildren(child(redact(bindings) as Bindings, options))
  logger.child = redacting as unknown as Logger['child']
  return logger
}
