// `pnpm dev` (scripts/dev.mjs): ready only when every service answers, and a port in use ends
// the command with one line naming the variable to change.
import { spawn } from 'node:child_process'
import { createServer as createHttpServer } from 'node:http'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterEach, describe, expect, it } from 'vitest'

import { portProblem } from './dev-ports.mjs'
import { readinessUrls, waitUntilReady } from './dev-ready.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const cleanups = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/** Holds a port the way another program would: listening on the loopback address. */
async function occupy(host = '127.0.0.1') {
  const server = createServer()
  await new Promise((resolve) => server.listen(0, host, resolve))
  cleanups.push(() => new Promise((resolve) => server.close(resolve)))
  return server.address().port
}

/** A port that was free a moment ago. */
async function freePort() {
  const server = createServer()
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Runs scripts/dev.mjs with `env`; resolves with its exit code and everything it printed. */
function runDev(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts', 'dev.mjs')], {
      cwd: root,
      // No Moneyhub client configured: the simulator wiring, as on a fresh machine.
      env: { ...process.env, MONEYHUB_CLIENT_ID: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    // A guard against a dev command that unexpectedly starts; not a timing assertion.
    const guard = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 60_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(guard)
      resolve({ code, lines: output.split('\n').filter((line) => line.trim() !== '') })
    })
  })
}

describe('pnpm dev readiness', () => {
  it('waits for the simulator discovery, the BFF readiness and the demo page', () => {
    expect(
      readinessUrls({
        useSimulator: true,
        simIdentityPort: 8790,
        bffPort: 8787,
        appOrigin: 'http://localhost:5173',
      }),
    ).toEqual([
      'http://127.0.0.1:8790/oidc/.well-known/openid-configuration',
      'http://127.0.0.1:8787/readyz',
      'http://localhost:5173',
    ])
    expect(readinessUrls({ useSimulator: false, simIdentityPort: 8790, bffPort: 8787 })).toEqual([
      'http://127.0.0.1:8787/readyz',
    ])
  })

  it('is not ready while the simulator does not answer discovery, and is once it does', async () => {
    let discoveryUp = false
    let polls = 0
    let polled
    const enoughPolls = new Promise((resolve) => (polled = resolve))
    const server = createHttpServer((req, res) => {
      if (req.url === '/oidc/.well-known/openid-configuration') {
        polls += 1
        if (polls === 3) polled()
        res.writeHead(discoveryUp ? 200 : 503).end('{}')
        return
      }
      res.writeHead(200).end('ok')
    })
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => new Promise((resolve) => server.close(resolve)))
    const { port } = server.address()
    const urls = readinessUrls({
      useSimulator: true,
      simIdentityPort: port,
      bffPort: port,
      appOrigin: `http://127.0.0.1:${port}`,
    })
    let ready = false
    const waiting = waitUntilReady(urls, { intervalMs: 10 }).then((result) => (ready = result))
    await enoughPolls
    expect(ready).toBe(false)
    discoveryUp = true
    expect(await waiting).toBe(true)
  })
})

describe('pnpm dev with a port in use', () => {
  it('names the variable to change, for each service', async () => {
    const taken = await occupy()
    const example = (p) => `PORT=${p}`
    expect(await portProblem([{ variable: 'PORT', port: taken, example }])).toBe(
      `[dev] port ${taken} is in use: set PORT to use another (for example PORT=${taken + 1} pnpm dev)`,
    )
    const free = await freePort()
    expect(await portProblem([{ variable: 'PORT', port: free, example }])).toBeUndefined()
    expect(
      await portProblem([
        { variable: 'PORT', port: free, example },
        { variable: 'SIM_API_PORT', port: free, example },
      ]),
    ).toMatch(/PORT and SIM_API_PORT are both port/)
  })

  it.each(['PORT', 'SIM_IDENTITY_PORT', 'SIM_API_PORT', 'APP_ORIGIN'])(
    'ends with exactly one line naming %s, starting nothing',
    async (variable) => {
      const [demo, bff, identity, api] = [
        await freePort(),
        await freePort(),
        await freePort(),
        await freePort(),
      ]
      const ports = { APP_ORIGIN: demo, PORT: bff, SIM_IDENTITY_PORT: identity, SIM_API_PORT: api }
      ports[variable] = await occupy(variable === 'APP_ORIGIN' ? 'localhost' : '127.0.0.1')
      const { code, lines } = await runDev({
        APP_ORIGIN: `http://localhost:${ports.APP_ORIGIN}`,
        PORT: String(ports.PORT),
        SIM_IDENTITY_PORT: String(ports.SIM_IDENTITY_PORT),
        SIM_API_PORT: String(ports.SIM_API_PORT),
      })
      expect(code).toBe(1)
      expect(lines).toHaveLength(1)
      expect(lines[0]).toContain(`set ${variable} `)
      expect(lines[0]).toContain(String(ports[variable]))
    },
  )
})
