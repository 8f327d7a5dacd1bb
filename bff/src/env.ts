import { readFileSync } from 'node:fs'

import { returnToProblem } from '@mhkit/shared'
import { z } from 'zod'

import { GENERATE_KEY_COMMAND, parseSessionEncryptionKey } from './session/encryption-key'
import { WEBHOOK_SECRET_MIN_LENGTH, type WebhookConfig } from './webhooks/webhook-config'

/**
 * Configuration of the BFF, parsed once from the environment at boot.
 * See docs/architecture.md §4 and `bff/.env.example`.
 */
export interface BffEnv {
  /** NODE_ENV; production unless it is exactly `development` or `test`. */
  nodeEnv: 'development' | 'test' | 'production'
  moneyhub: {
    issuer: string
    apiUrl: string
    identityUrl: string
    clientId: string
    /** Raw JWK (JSON) or PEM text; parsed by `loadClientKeys`. Never logged. */
    privateKey: string
    /**
     * MONEYHUB_KEY_ID: the `kid` the key is registered under at Moneyhub, for a PEM key (a JWK
     * carries its own). Undefined: the JWK's `kid`, else the key's RFC 7638 thumbprint.
     */
    keyId: string | undefined
    redirectUri: string
    /** The registered `id_token_signed_response_alg` (default RS256, Moneyhub's default). */
    idTokenAlg: 'RS256' | 'PS256' | 'ES256'
  }
  appOrigin: string
  host: string
  port: number
  sessionStore: 'sqlite' | 'memory' | 'redis'
  sqlitePath: string
  redisUrl: string | undefined
  /** 32 raw bytes, or undefined in development and test (the server then generates a dev key). */
  sessionEncryptionKey: Buffer | undefined
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  /** Exact origins allowed cross-origin; empty means no CORS at all (the default). */
  corsOrigins: string[]
  /** Trust `X-Forwarded-For` from a reverse proxy for the client IP used by rate limits. */
  trustProxy: boolean
  /** Multiplies every rate limit (RATE_LIMIT_MULTIPLIER, default 1), e.g. for e2e runs. */
  rateLimitMultiplier: number
  /** A built SPA to serve on the same origin (STATIC_DIR); unset serves the API only. */
  staticDir: string | undefined
  /**
   * Where a bad callback lands when the browser has no flow of its own (CALLBACK_ERROR_PAGE,
   * a same-origin path where the app mounts the kit's callback page; default `/`).
   */
  callbackErrorPage: string | undefined
  /** MONEYHUB_WEBHOOK_FORMAT (`jwt` default, `json`) and MONEYHUB_WEBHOOK_SECRET. */
  webhooks: WebhookConfig
}

/** Thrown by {@link parseEnv}; `variable` names the offending environment variable. */
export class EnvError extends Error {
  readonly variable: string
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`)
    this.name = 'EnvError'
    this.variable = variable
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])

function isLoopback(url: URL): boolean {
  return LOOPBACK.has(url.hostname)
}

type Source = Readonly<Record<string, string | undefined>>

function read(source: Source, name: string): string | undefined {
  const value = source[name]
  if (value === undefined) return undefined
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

function required(source: Source, name: string): string {
  const value = read(source, name)
  if (value === undefined) throw new EnvError(name, 'is required but missing')
  return value
}

function httpUrl(name: string, value: string, production: boolean): URL {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new EnvError(name, 'is not a valid absolute URL')
  }
  if (url.protocol === 'https:') return url
  if (url.protocol === 'http:') {
    // Plain HTTP is only for the local simulator: loopback hosts and never in production.
    if (production) throw new EnvError(name, 'must use https:// in production')
    if (!isLoopback(url)) throw new EnvError(name, 'may use http:// only for a loopback host')
    return url
  }
  throw new EnvError(name, 'must be an http(s) URL')
}

function originOf(name: string, value: string, production: boolean): string {
  const url = httpUrl(name, value, production)
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') {
    throw new EnvError(name, 'must be an origin (scheme://host[:port]) with no path')
  }
  return url.origin
}

const levelSchema = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
const storeSchema = z.enum(['sqlite', 'memory', 'redis'])
const nodeEnvSchema = z.enum(['development', 'test', 'production'])
const idTokenAlgSchema = z.enum(['RS256', 'PS256', 'ES256'])

function enumValue<T extends string>(
  name: string,
  schema: z.ZodType<T>,
  value: string | undefined,
  fallback: T,
): T {
  if (value === undefined) return fallback
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new EnvError(name, `has an unsupported value "${value.slice(0, 40)}"`)
  return parsed.data
}

/** MONEYHUB_WEBHOOK_FORMAT and MONEYHUB_WEBHOOK_SECRET (docs/webhooks.md). */
function webhookConfigFromEnv(
  format: string | undefined,
  secret: string | undefined,
): WebhookConfig {
  const chosen = enumValue('MONEYHUB_WEBHOOK_FORMAT', z.enum(['jwt', 'json']), format, 'jwt')
  if (
    secret !== undefined &&
    (secret.length < WEBHOOK_SECRET_MIN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(secret))
  ) {
    throw new EnvError(
      'MONEYHUB_WEBHOOK_SECRET',
      `must be at least ${WEBHOOK_SECRET_MIN_LENGTH} URL-safe characters`,
    )
  }
  if (chosen === 'json' && secret === undefined) {
    throw new EnvError('MONEYHUB_WEBHOOK_SECRET', 'is required when MONEYHUB_WEBHOOK_FORMAT=json')
  }
  return { format: chosen, ...(secret === undefined ? {} : { secret }) }
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 8787
  if (!/^\d{1,5}$/.test(value)) throw new EnvError('PORT', 'must be an integer 0..65535')
  const port = Number(value)
  if (port > 65535) throw new EnvError('PORT', 'must be an integer 0..65535')
  return port
}

/**
 * Decodes SESSION_ENCRYPTION_KEY (src/session/encryption-key.ts has the rules).
 *
 * @param value - the key text, or `undefined`
 * @param production - a missing key is refused in production
 * @returns 32 bytes, or `undefined` outside production when no key is given
 * @throws EnvError naming SESSION_ENCRYPTION_KEY
 */
export function sessionKeyFromEnv(
  value: string | undefined,
  production: boolean,
): Buffer | undefined {
  if (value === undefined) {
    if (production) {
      throw new EnvError(
        'SESSION_ENCRYPTION_KEY',
        `is required in production; generate one with ${GENERATE_KEY_COMMAND}`,
      )
    }
    return undefined
  }
  // Strict in every mode: a weak key set by hand in development ends up in production.
  try {
    return parseSessionEncryptionKey(value)
  } catch (error) {
    throw new EnvError(
      'SESSION_ENCRYPTION_KEY',
      error instanceof TypeError ? error.message : 'cannot be decoded',
    )
  }
}

function callbackPage(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const problem = returnToProblem(value)
  if (problem !== undefined) throw new EnvError('CALLBACK_ERROR_PAGE', problem)
  return value
}

/**
 * Parses the BFF configuration from an environment-like record. Pure: reads only `source`
 * (and the key file named by MONEYHUB_PRIVATE_KEY_FILE through `readFile`).
 *
 * @param source - usually `process.env`
 * @param readFile - reads MONEYHUB_PRIVATE_KEY_FILE; injected so tests need no files
 * @throws EnvError naming the first missing or malformed variable
 * @see docs/architecture.md §4
 */
export function parseEnv(source: Source, readFile: (path: string) => string): BffEnv {
  // Production unless told otherwise: a deployment that forgets NODE_ENV must not get the
  // development conveniences (a generated session key, the memory store, plain-http loopback
  // upstreams). `pnpm dev` and every test that boots the BFF set development or test explicitly.
  const nodeEnv = enumValue('NODE_ENV', nodeEnvSchema, read(source, 'NODE_ENV'), 'production')
  const production = nodeEnv === 'production'

  const issuerUrl = httpUrl(
    'MONEYHUB_ISSUER',
    read(source, 'MONEYHUB_ISSUER') ?? 'https://identity.moneyhub.co.uk/oidc',
    production,
  )
  const issuer = issuerUrl.href.replace(/\/$/, '')
  const apiUrl = httpUrl(
    'MONEYHUB_API_URL',
    read(source, 'MONEYHUB_API_URL') ?? 'https://api.moneyhub.co.uk/v3',
    production,
  ).href.replace(/\/$/, '')
  // The identity REST host (users, connections) is the issuer's origin unless given.
  const identityRaw = read(source, 'MONEYHUB_IDENTITY_URL')
  const identityUrl =
    identityRaw === undefined
      ? issuerUrl.origin
      : httpUrl('MONEYHUB_IDENTITY_URL', identityRaw, production).href.replace(/\/$/, '')

  const clientId = required(source, 'MONEYHUB_CLIENT_ID')
  if (!/^[\w.:-]{1,200}$/.test(clientId)) {
    throw new EnvError('MONEYHUB_CLIENT_ID', 'has unexpected characters')
  }

  const inlineKey = read(source, 'MONEYHUB_PRIVATE_KEY')
  const keyFile = read(source, 'MONEYHUB_PRIVATE_KEY_FILE')
  let privateKey: string
  if (inlineKey !== undefined && keyFile !== undefined) {
    throw new EnvError(
      'MONEYHUB_PRIVATE_KEY',
      'set either it or MONEYHUB_PRIVATE_KEY_FILE, not both',
    )
  } else if (inlineKey !== undefined) {
    privateKey = inlineKey
  } else if (keyFile !== undefined) {
    try {
      privateKey = readFile(keyFile).trim()
    } catch {
      throw new EnvError('MONEYHUB_PRIVATE_KEY_FILE', 'cannot be read')
    }
  } else {
    throw new EnvError('MONEYHUB_PRIVATE_KEY', 'is required (or MONEYHUB_PRIVATE_KEY_FILE)')
  }
  const keyName = inlineKey !== undefined ? 'MONEYHUB_PRIVATE_KEY' : 'MONEYHUB_PRIVATE_KEY_FILE'
  if (!privateKey.startsWith('{') && !privateKey.startsWith('-----BEGIN')) {
    throw new EnvError(keyName, 'must be a JWK (JSON) or a PEM private key')
  }

  const keyId = read(source, 'MONEYHUB_KEY_ID')
  // Same rule as keys.ts: a kid travels in every JWS header, so short and printable.
  if (keyId !== undefined && !/^[\x21-\x7e]{1,200}$/.test(keyId)) {
    throw new EnvError('MONEYHUB_KEY_ID', 'must be 1 to 200 printable characters, no spaces')
  }

  const appOrigin = originOf('APP_ORIGIN', required(source, 'APP_ORIGIN'), production)
  const redirectRaw = read(source, 'MONEYHUB_REDIRECT_URI') ?? `${appOrigin}/api/callback`
  const redirectUri = httpUrl('MONEYHUB_REDIRECT_URI', redirectRaw, production).href

  const sessionStore = enumValue(
    'SESSION_STORE',
    storeSchema,
    read(source, 'SESSION_STORE'),
    'sqlite',
  )
  const redisUrl = read(source, 'REDIS_URL')
  if (sessionStore === 'redis') {
    if (redisUrl === undefined)
      throw new EnvError('REDIS_URL', 'is required when SESSION_STORE=redis')
    if (!/^rediss?:\/\//.test(redisUrl))
      throw new EnvError('REDIS_URL', 'must be a redis:// or rediss:// URL')
  }
  if (production && sessionStore === 'memory') {
    throw new EnvError('SESSION_STORE', 'memory is for tests only, not production')
  }

  const corsOrigins = (read(source, 'CORS_ORIGINS') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      if (s === '*' || s === 'null') throw new EnvError('CORS_ORIGINS', 'must list exact origins')
      return originOf('CORS_ORIGINS', s, production)
    })

  const trustRaw = read(source, 'TRUST_PROXY') ?? 'false'
  if (trustRaw !== 'true' && trustRaw !== 'false') {
    throw new EnvError('TRUST_PROXY', 'must be true or false')
  }

  const multiplierRaw = read(source, 'RATE_LIMIT_MULTIPLIER') ?? '1'
  if (!/^\d{1,4}$/.test(multiplierRaw) || Number(multiplierRaw) < 1) {
    throw new EnvError('RATE_LIMIT_MULTIPLIER', 'must be a whole number from 1 to 9999')
  }

  return {
    nodeEnv,
    moneyhub: {
      issuer,
      apiUrl,
      identityUrl,
      clientId,
      privateKey,
      keyId,
      redirectUri,
      idTokenAlg: enumValue(
        'MONEYHUB_ID_TOKEN_ALG',
        idTokenAlgSchema,
        read(source, 'MONEYHUB_ID_TOKEN_ALG'),
        'RS256',
      ),
    },
    appOrigin,
    host: read(source, 'HOST') ?? '127.0.0.1',
    port: parsePort(read(source, 'PORT')),
    sessionStore,
    sqlitePath: read(source, 'SQLITE_PATH') ?? '.data/bff.sqlite',
    redisUrl,
    sessionEncryptionKey: sessionKeyFromEnv(read(source, 'SESSION_ENCRYPTION_KEY'), production),
    logLevel: enumValue('LOG_LEVEL', levelSchema, read(source, 'LOG_LEVEL'), 'info'),
    corsOrigins,
    trustProxy: trustRaw === 'true',
    rateLimitMultiplier: Number(multiplierRaw),
    staticDir: read(source, 'STATIC_DIR'),
    callbackErrorPage: callbackPage(read(source, 'CALLBACK_ERROR_PAGE')),
    webhooks: webhookConfigFromEnv(
      read(source, 'MONEYHUB_WEBHOOK_FORMAT'),
      read(source, 'MONEYHUB_WEBHOOK_SECRET'),
    ),
  }
}

/** The BFF's validated configuration, as {@link loadConfig} returns it. */
export type BffConfig = BffEnv

/**
 * Reads and validates the BFF's configuration from environment variables, with the same rules
 * as the `mhkit-bff` command's boot (README "Configuration"). Pass the result to `createBff`.
 *
 * @param source - environment variables (default `process.env`)
 * @param readFile - reads MONEYHUB_PRIVATE_KEY_FILE (default: from disk, UTF-8)
 * @throws EnvError naming the first missing or malformed variable
 */
export function loadConfig(
  source: Source = process.env,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): BffConfig {
  return parseEnv(source, readFile)
}

/**
 * Reads `process.env` once (the only place in the BFF that does) and stops the process with
 * one clear line naming the variable when the configuration is missing or malformed.
 */
export function loadEnv(): BffEnv {
  try {
    return loadConfig()
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`mhkit-bff: invalid configuration: ${error.message}\n`)
      process.exit(1)
    }
    throw error
  }
}
