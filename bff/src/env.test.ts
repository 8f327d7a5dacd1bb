import { randomBytes } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { EnvError, parseEnv } from './env'

const KEY = '{"kty":"EC","crv":"P-256","x":"x","y":"y","d":"d"}'
// A real random key, as `node -e "…randomBytes(32)…"` makes one.
const SESSION_KEY = randomBytes(32).toString('hex')
// A complete production configuration (NODE_ENV unset means production).
const base = {
  MONEYHUB_CLIENT_ID: 'client-1',
  MONEYHUB_PRIVATE_KEY: KEY,
  APP_ORIGIN: 'https://app.example.com',
  SESSION_ENCRYPTION_KEY: SESSION_KEY,
}
const noFile = (): string => {
  throw new Error('no file')
}

function failure(source: Record<string, string | undefined>): EnvError {
  try {
    parseEnv(source, noFile)
  } catch (error) {
    if (error instanceof EnvError) return error
    throw error
  }
  throw new Error('expected an EnvError')
}

describe('parseEnv', () => {
  it('applies the documented defaults', () => {
    const env = parseEnv(base, noFile)
    expect(env.moneyhub).toMatchObject({
      issuer: 'https://identity.moneyhub.co.uk/oidc',
      apiUrl: 'https://api.moneyhub.co.uk/v3',
      identityUrl: 'https://identity.moneyhub.co.uk',
      redirectUri: 'https://app.example.com/api/callback',
    })
    expect(env).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      sessionStore: 'sqlite',
      logLevel: 'info',
      corsOrigins: [],
    })
    expect(env.sqlitePath).toBe('.data/bff.sqlite')
  })

  it('runs as production when NODE_ENV is unset or empty: no generated key, no memory store, no http', () => {
    for (const nodeEnv of [undefined, '', '  ']) {
      const keyed = { ...base, NODE_ENV: nodeEnv }
      expect(failure({ ...keyed, SESSION_ENCRYPTION_KEY: undefined }).variable).toBe(
        'SESSION_ENCRYPTION_KEY',
      )
      expect(parseEnv(keyed, noFile).nodeEnv).toBe('production')
      expect(failure({ ...keyed, SESSION_STORE: 'memory' }).variable).toBe('SESSION_STORE')
      expect(failure({ ...keyed, MONEYHUB_ISSUER: 'http://127.0.0.1:8790/oidc' }).variable).toBe(
        'MONEYHUB_ISSUER',
      )
      expect(failure({ ...keyed, APP_ORIGIN: 'http://localhost:5173' }).variable).toBe('APP_ORIGIN')
    }
  })

  it('allows the development conveniences only for NODE_ENV development or test, spelled exactly', () => {
    const sim = {
      ...base,
      MONEYHUB_ISSUER: 'http://127.0.0.1:8790/oidc',
      SESSION_STORE: 'memory',
      SESSION_ENCRYPTION_KEY: undefined,
    }
    for (const nodeEnv of ['development', 'test'] as const) {
      const env = parseEnv({ ...sim, NODE_ENV: nodeEnv }, noFile)
      expect(env).toMatchObject({
        nodeEnv,
        sessionStore: 'memory',
        sessionEncryptionKey: undefined,
      })
    }
    for (const nodeEnv of ['dev', 'Development', 'staging']) {
      expect(failure({ ...sim, NODE_ENV: nodeEnv }).variable).toBe('NODE_ENV')
    }
  })

  it('derives the identity host from the issuer', () => {
    const env = parseEnv(
      {
        ...base,
        NODE_ENV: 'development',
        MONEYHUB_ISSUER: 'http://127.0.0.1:8790/oidc',
        MONEYHUB_API_URL: 'http://127.0.0.1:8791/v3',
      },
      noFile,
    )
    expect(env.moneyhub.identityUrl).toBe('http://127.0.0.1:8790')
  })

  it.each([
    ['MONEYHUB_CLIENT_ID', { ...base, MONEYHUB_CLIENT_ID: undefined }],
    ['MONEYHUB_PRIVATE_KEY', { ...base, MONEYHUB_PRIVATE_KEY: undefined }],
    ['MONEYHUB_PRIVATE_KEY', { ...base, MONEYHUB_PRIVATE_KEY: 'not a key' }],
    ['APP_ORIGIN', { ...base, APP_ORIGIN: undefined }],
    ['APP_ORIGIN', { ...base, APP_ORIGIN: 'https://app.example.com/path' }],
    ['PORT', { ...base, PORT: '80a' }],
    ['PORT', { ...base, PORT: '70000' }],
    ['SESSION_STORE', { ...base, SESSION_STORE: 'mongo' }],
    ['REDIS_URL', { ...base, SESSION_STORE: 'redis' }],
    ['LOG_LEVEL', { ...base, LOG_LEVEL: 'loud' }],
    ['SESSION_ENCRYPTION_KEY', { ...base, SESSION_ENCRYPTION_KEY: 'short' }],
    ['MONEYHUB_ISSUER', { ...base, MONEYHUB_ISSUER: 'http://identity.example.com/oidc' }],
    ['MONEYHUB_ISSUER', { ...base, MONEYHUB_ISSUER: 'not a url' }],
    ['CORS_ORIGINS', { ...base, CORS_ORIGINS: '*' }],
    ['MONEYHUB_ID_TOKEN_ALG', { ...base, MONEYHUB_ID_TOKEN_ALG: 'none' }],
    ['RATE_LIMIT_MULTIPLIER', { ...base, RATE_LIMIT_MULTIPLIER: '0' }],
    ['RATE_LIMIT_MULTIPLIER', { ...base, RATE_LIMIT_MULTIPLIER: '1.5' }],
  ])('names %s when it is missing or malformed', (variable, source) => {
    const error = failure(source)
    expect(error.variable).toBe(variable)
    expect(error.message.startsWith(`${variable}:`)).toBe(true)
    expect(error.message).not.toContain('"d"')
  })

  it('accepts an http:// issuer only for loopback hosts outside production', () => {
    const sim = { ...base, NODE_ENV: 'development', MONEYHUB_ISSUER: 'http://127.0.0.1:8790/oidc' }
    expect(parseEnv(sim, noFile).moneyhub.issuer).toBe('http://127.0.0.1:8790/oidc')
    expect(failure({ ...sim, NODE_ENV: 'production' }).variable).toBe('MONEYHUB_ISSUER')
  })

  it('requires SESSION_ENCRYPTION_KEY in production and refuses the memory store there', () => {
    const prod = { ...base, NODE_ENV: 'production' }
    expect(failure({ ...prod, SESSION_ENCRYPTION_KEY: undefined }).variable).toBe(
      'SESSION_ENCRYPTION_KEY',
    )
    expect(failure({ ...prod, SESSION_STORE: 'memory' }).variable).toBe('SESSION_STORE')
  })

  it('reads the key from MONEYHUB_PRIVATE_KEY_FILE, and refuses both forms at once', () => {
    const env = parseEnv(
      { ...base, MONEYHUB_PRIVATE_KEY: undefined, MONEYHUB_PRIVATE_KEY_FILE: '/k.pem' },
      () => '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n',
    )
    expect(env.moneyhub.privateKey.startsWith('-----BEGIN PRIVATE KEY-----')).toBe(true)
    expect(failure({ ...base, MONEYHUB_PRIVATE_KEY_FILE: '/k.pem' }).variable).toBe(
      'MONEYHUB_PRIVATE_KEY',
    )
    expect(
      failure({ ...base, MONEYHUB_PRIVATE_KEY: undefined, MONEYHUB_PRIVATE_KEY_FILE: '/nope' })
        .variable,
    ).toBe('MONEYHUB_PRIVATE_KEY_FILE')
  })

  it('reads MONEYHUB_KEY_ID as the key id, and leaves it out when not set', () => {
    expect(parseEnv(base, noFile).moneyhub.keyId).toBeUndefined()
    expect(parseEnv({ ...base, MONEYHUB_KEY_ID: 'pem-key-1' }, noFile).moneyhub.keyId).toBe(
      'pem-key-1',
    )
    expect(failure({ ...base, MONEYHUB_KEY_ID: 'has spaces in it' }).variable).toBe(
      'MONEYHUB_KEY_ID',
    )
  })

  it('parses a random 32-byte session key given as 64 hex or 43 base64url characters', () => {
    const bytes = randomBytes(32)
    for (const text of [
      bytes.toString('hex'),
      bytes.toString('hex').toUpperCase(),
      bytes.toString('base64url'),
    ]) {
      expect(
        parseEnv({ ...base, SESSION_ENCRYPTION_KEY: text }, noFile).sessionEncryptionKey,
      ).toEqual(bytes)
    }
  })

  const valid43 = randomBytes(32).toString('base64url')
  it.each([
    ['43 × A', 'A'.repeat(43)],
    ['64 × 0', '0'.repeat(64)],
    ['a repeated byte pair', 'ab'.repeat(32)],
    ['a counter 00 01 02 …', Buffer.from(Array.from({ length: 32 }, (_, i) => i)).toString('hex')],
    ['a 43-character passphrase', 'this-is-my-very-secret-session-key-for-prod'],
    ['a mixed-case passphrase', 'CorrectHorseBatteryStapleCorrectHorseBatter'],
    [
      'a passphrase written in hex',
      Buffer.from('my-secret-session-key-for-prod!!').toString('hex'),
    ],
    [
      'base64url with an invalid character the decoder would drop',
      `${valid43.slice(0, 42)}!${valid43.slice(42)}`,
    ],
    ['base64url with padding', `${valid43}=`],
    ['standard base64 (+ and /)', randomBytes(32).toString('base64')],
    [
      'a non-canonical last base64url character',
      `${valid43.slice(0, 42)}${valid43.endsWith('B') ? 'C' : 'B'}`,
    ],
    ['31 bytes', randomBytes(31).toString('hex')],
    ['33 bytes', randomBytes(33).toString('base64url')],
  ])(
    'refuses SESSION_ENCRYPTION_KEY as %s, says how to make one, and never echoes it',
    (_, key) => {
      for (const nodeEnv of ['production', 'development']) {
        const error = failure({ ...base, NODE_ENV: nodeEnv, SESSION_ENCRYPTION_KEY: key })
        expect(error.variable).toBe('SESSION_ENCRYPTION_KEY')
        expect(error.message).toContain(
          `node -e "console.log(require('crypto').randomBytes(32).toString('hex'))"`,
        )
        expect(error.message).not.toContain(key)
        expect(error.message).not.toContain(key.slice(0, 12))
      }
    },
  )

  it('takes an exact CORS allowlist', () => {
    const env = parseEnv(
      { ...base, CORS_ORIGINS: 'https://a.example, https://b.example:8443' },
      noFile,
    )
    expect(env.corsOrigins).toEqual(['https://a.example', 'https://b.example:8443'])
  })
})

describe('STATIC_DIR and CALLBACK_ERROR_PAGE', () => {
  it('are unset by default', () => {
    const env = parseEnv(base, noFile)
    expect(env.staticDir).toBeUndefined()
    expect(env.callbackErrorPage).toBeUndefined()
  })

  it('take a folder and a same-origin path', () => {
    const env = parseEnv(
      { ...base, STATIC_DIR: 'dist', CALLBACK_ERROR_PAGE: '/connect/done' },
      noFile,
    )
    expect(env.staticDir).toBe('dist')
    expect(env.callbackErrorPage).toBe('/connect/done')
  })

  it.each(['https://evil.example/x', '//evil.example', 'connect'])(
    'refuses CALLBACK_ERROR_PAGE=%s, which is not a same-origin path',
    (page) => {
      expect(failure({ ...base, CALLBACK_ERROR_PAGE: page }).variable).toBe('CALLBACK_ERROR_PAGE')
    },
  )
})

describe('parseEnv: webhooks', () => {
  it('accepts only signed webhooks unless JSON is chosen', () => {
    expect(parseEnv(base, noFile).webhooks).toEqual({ format: 'jwt' })
  })

  it('requires a long URL-safe secret for the JSON format', () => {
    expect(failure({ ...base, MONEYHUB_WEBHOOK_FORMAT: 'json' }).variable).toBe(
      'MONEYHUB_WEBHOOK_SECRET',
    )
    expect(
      failure({ ...base, MONEYHUB_WEBHOOK_FORMAT: 'json', MONEYHUB_WEBHOOK_SECRET: 'short' })
        .variable,
    ).toBe('MONEYHUB_WEBHOOK_SECRET')
    expect(failure({ ...base, MONEYHUB_WEBHOOK_SECRET: `${'a'.repeat(40)}/x` }).variable).toBe(
      'MONEYHUB_WEBHOOK_SECRET',
    )
    expect(failure({ ...base, MONEYHUB_WEBHOOK_FORMAT: 'xml' }).variable).toBe(
      'MONEYHUB_WEBHOOK_FORMAT',
    )
    const secret = 'b'.repeat(40)
    expect(
      parseEnv(
        { ...base, MONEYHUB_WEBHOOK_FORMAT: 'json', MONEYHUB_WEBHOOK_SECRET: secret },
        noFile,
      ).webhooks,
    ).toEqual({ format: 'json', secret })
  })
})
