/**
 * `createBff` and `@mhkit/bff/node` as a user's server runs them: built from plain options
 * against the real simulator, served on a port, mounted in a Hono host, an Express host and a
 * plain `node:http` server, and serving a built SPA from the same origin (README "Use it in
 * your server").
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { serve } from '@hono/node-server'
import { errorBodySchema } from '@mhkit/shared'
import express from 'express'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createBff, type Bff, type BffOptions } from '../../src/create-bff'
import { loadConfig } from '../../src/env'
import { loadOptionalPeer } from '../../src/internal/optional-peer'
import { createLogger } from '../../src/logger'
import { createMemoryStore } from '../../src/session/memory-store'
import { generateClientKey } from '../../src/moneyhub'
import { nodeHandler, serveBff } from '../../src/node'
import { TestBrowser } from '../support/browser'
import { accountIdsOf, connectAndApprove } from '../support/bff-flows'
import { CLIENT_ID, REDIRECT_URI, startSimWorld, type SimWorld } from '../support/sim-harness'
import { APP_ORIGIN, captureLogs } from '../support/test-app'

let world: SimWorld
let privateJwk: Record<string, unknown>
const cleanups: (() => Promise<void> | void)[] = []

beforeAll(async () => {
  world = await startSimWorld()
  // The simulator trusts the keys startSimWorld registered; reuse the same private JWK.
  privateJwk = world.privateJwk
})

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  await world.close()
})

function options(extra: Partial<BffOptions> = {}): BffOptions {
  return {
    moneyhub: {
      clientId: CLIENT_ID,
      privateKey: privateJwk,
      redirectUri: REDIRECT_URI,
      issuer: world.sim.issuer,
      apiUrl: world.sim.apiUrl,
      identityUrl: world.sim.identityUrl,
      idTokenAlg: 'PS256',
    },
    appOrigin: APP_ORIGIN,
    nodeEnv: 'test',
    sessionEncryptionKey: randomBytes(32).toString('hex'),
    sessionStore: 'memory',
    logLevel: 'silent',
    ...extra,
  }
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  )
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** A browser on the app origin whose requests go over HTTP to `base`. */
function browserAt(base: string): TestBrowser {
  return new TestBrowser(
    (path, init) => fetch(`${base}${path}`, { ...init, redirect: 'manual' }),
    APP_ORIGIN,
  )
}

async function built(extra: Partial<BffOptions> = {}): Promise<Bff> {
  const bff = await createBff(options(extra))
  cleanups.push(() => bff.close())
  return bff
}

describe('createBff served by serveBff', () => {
  it('connects a bank and reads accounts over real HTTP, and publishes its JWKS', async () => {
    const bff = await built()
    const served = serveBff(bff, { port: 0 })
    const address = await served.listening
    cleanups.push(() => new Promise<void>((resolve) => served.server.close(() => resolve())))
    const base = `http://127.0.0.1:${address.port}`

    const jwks = (await (await fetch(`${base}/.well-known/jwks.json`)).json()) as {
      keys: { kid: string; d?: string }[]
    }
    expect(jwks.keys.map((k) => k.kid)).toEqual(bff.jwks.keys.map((k) => k.kid))
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true)

    const browser = browserAt(base)
    await connectAndApprove(browser)
    expect((await accountIdsOf(browser)).length).toBeGreaterThan(0)
  })

  it('takes the output of loadConfig as it is', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      MONEYHUB_ISSUER: world.sim.issuer,
      MONEYHUB_API_URL: world.sim.apiUrl,
      MONEYHUB_IDENTITY_URL: world.sim.identityUrl,
      MONEYHUB_CLIENT_ID: CLIENT_ID,
      MONEYHUB_PRIVATE_KEY: JSON.stringify(privateJwk),
      MONEYHUB_REDIRECT_URI: REDIRECT_URI,
      MONEYHUB_ID_TOKEN_ALG: 'PS256',
      APP_ORIGIN,
      SESSION_STORE: 'memory',
      SESSION_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
      LOG_LEVEL: 'silent',
    })
    const bff = await built(config)
    const browser = new TestBrowser(
      (path, init) => bff.fetch(new Request(`${APP_ORIGIN}${path}`, init)),
      APP_ORIGIN,
    )
    await connectAndApprove(browser)
  })

  it('refuses the memory store when nodeEnv is left at its production default', async () => {
    const { nodeEnv: _unused, ...rest } = options()
    const production = {
      ...rest,
      moneyhub: {
        ...rest.moneyhub,
        issuer: 'https://identity.example.test/oidc',
        apiUrl: 'https://api.example.test/v3',
        identityUrl: 'https://identity.example.test',
      },
    }
    await expect(createBff(production)).rejects.toThrow(/memory is for tests only/)
  })

  it('refuses plain-HTTP Moneyhub URLs in production', async () => {
    await expect(
      createBff(options({ nodeEnv: 'production', sessionStore: createMemoryStore() })),
    ).rejects.toThrow('moneyhub.issuer must use https:// in production')
  })

  it('names MONEYHUB_PRIVATE_KEY, without key material, when the key is unusable', async () => {
    const error = await createBff(
      options({
        moneyhub: { ...options().moneyhub, privateKey: { kty: 'EC', d: 'secret-part' } },
      }),
    ).catch((e: unknown) => e)
    expect(String(error)).toMatch(/MONEYHUB_PRIVATE_KEY/)
    expect(String(error)).not.toContain('secret-part')
  })
})

describe('callbackErrorPage', () => {
  it('is where a forged callback navigation lands, with the error code', async () => {
    const bff = await built({ callbackErrorPage: '/connect/done' })
    const res = await bff.fetch(
      new Request(
        `${APP_ORIGIN}/api/callback?state=${'s'.repeat(32)}&code=c&iss=${world.sim.issuer}`,
        {
          headers: { 'Sec-Fetch-Mode': 'navigate' },
        },
      ),
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/connect/done?flowError=state_mismatch')
  })
})

describe('mounted in a host server', () => {
  it('a Hono host keeps its own routes and hands the BFF paths to bff.fetch', async () => {
    const bff = await built()
    const host = new Hono()
    host.use('*', async (c, next) =>
      bff.handles(c.req.path) ? bff.fetch(c.req.raw, c.env) : next(),
    )
    host.get('/', (c) => c.text('host home'))
    const server = serve({ fetch: host.fetch, port: 0, hostname: '127.0.0.1' }) as Server
    await new Promise<void>((resolve) => server.once('listening', resolve))
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

    expect(await (await fetch(`${base}/`)).text()).toBe('host home')
    const browser = browserAt(base)
    await connectAndApprove(browser)
    expect((await accountIdsOf(browser)).length).toBeGreaterThan(0)
  })

  it('an Express host answers its own routes; nodeHandler answers the BFF paths', async () => {
    const bff = await built()
    const app = express()
    app.use(nodeHandler(bff))
    app.use(express.json())
    app.get('/hello', (_req, res) => {
      res.json({ from: 'express' })
    })
    const base = await listen(createServer(app))

    expect(await (await fetch(`${base}/hello`)).json()).toEqual({ from: 'express' })
    const browser = browserAt(base)
    await connectAndApprove(browser)
    expect((await accountIdsOf(browser)).length).toBeGreaterThan(0)
    // A BFF path that is not a route is the BFF's JSON 404, not Express's HTML one.
    const missing = await fetch(`${base}/api/nothing-here`, { headers: { 'X-CSRF': '1' } })
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toMatch(/application\/json/)
  })

  it('a plain node:http server gets 404 for paths that are not the BFF', async () => {
    const bff = await built()
    const handler = nodeHandler(bff)
    const base = await listen(createServer((req, res) => handler(req, res)))
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404)
    const session = await fetch(`${base}/api/session`, { headers: { 'X-CSRF': '1' } })
    expect(session.status).toBe(200)
    expect(await session.json()).toEqual({ authenticated: false })
  })

  it('behind a body parser it refuses the request and logs how to mount it', async () => {
    const logs = captureLogs()
    const bff = await built({ logger: createLogger({ level: 'info', destination: logs }) })
    const app = express()
    app.use(express.json())
    app.use(nodeHandler(bff))
    const base = await listen(createServer(app))
    const res = await fetch(`${base}/api/connect`, {
      method: 'POST',
      headers: { 'X-CSRF': '1', 'Content-Type': 'application/json', Origin: APP_ORIGIN },
      body: JSON.stringify({ kind: 'ais' }),
    })
    expect(res.status).toBe(500)
    // A body the kit can read: the contract's error shape, correlated with the log line.
    const body = errorBodySchema.parse(await res.json())
    expect(body.error.code).toBe('internal_error')
    expect(res.headers.get('x-request-id')).toBe(body.error.correlationId)
    expect(logs.raw.join('\n')).toContain('mount nodeHandler(bff) first')
  })
})

describe('serving a built SPA (staticDir)', () => {
  it('serves files, falls back to index.html for HTML navigations, and keeps /api the BFF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mhkit-spa-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    mkdirSync(join(dir, 'assets'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>my app</title>')
    writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)')
    const bff = await built({ staticDir: dir })
    const served = serveBff(bff, { port: 0 })
    const { port } = await served.listening
    cleanups.push(() => new Promise<void>((resolve) => served.server.close(() => resolve())))
    const base = `http://127.0.0.1:${port}`

    const home = await fetch(`${base}/`)
    expect(await home.text()).toContain('my app')
    const deep = await fetch(`${base}/accounts/42`, { headers: { Accept: 'text/html' } })
    expect(deep.status).toBe(200)
    expect(await deep.text()).toContain('my app')
    const asset = await fetch(`${base}/assets/app-1a2b.js`)
    expect(await asset.text()).toBe('console.log(1)')
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect((await fetch(`${base}/missing.js`)).status).toBe(404)
    const session = await fetch(`${base}/api/session`, { headers: { 'X-CSRF': '1' } })
    expect(await session.json()).toEqual({ authenticated: false })
  })

  it('refuses a folder with no index.html', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mhkit-spa-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    await expect(createBff(options({ staticDir: dir }))).rejects.toThrow(/no index.html/)
  })
})

describe('optional store drivers', () => {
  it('names the missing package and how to install it', () => {
    expect(() => loadOptionalPeer('mhkit-no-such-driver', '^1', 'The test store')).toThrow(
      'The test store needs the optional dependency mhkit-no-such-driver: install it with `npm install mhkit-no-such-driver@^1`',
    )
  })
})

// Keeps the generated-key import honest: a key the simulator does not know is refused at the
// token endpoint, which proves the tests above use the registered one.
it('a BFF with a key the simulator never saw cannot connect', async () => {
  const bff = await built({
    moneyhub: { ...options().moneyhub, privateKey: await generateClientKey('PS256') },
  })
  const browser = new TestBrowser(
    (path, init) => bff.fetch(new Request(`${APP_ORIGIN}${path}`, init)),
    APP_ORIGIN,
  )
  const res = await browser.send('POST', '/api/connect', { kind: 'ais' })
  expect(res.status).toBeGreaterThanOrEqual(400)
})
