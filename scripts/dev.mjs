#!/usr/bin/env node
// `pnpm dev`: runs the whole kit locally with no configuration.
//
// - With no MONEYHUB_CLIENT_ID in the environment: generates a development client key and a
//   session encryption key once under .data/ (git-ignored), starts the Moneyhub simulator
//   (identity 8790, data API 8791) and wires the BFF to it.
// - With MONEYHUB_CLIENT_ID and a key configured: the same BFF runs against Moneyhub itself.
// - Starts the demo (Vite on 5173, proxying /api and /.well-known to the BFF) when it exists,
//   and then runs the demo's host server (the BFF mounted with the demo sign-in) in the BFF's
//   place.
// - Prints the URL to open once the simulator answers discovery and the BFF and the demo
//   answer (scripts/dev-ready.mjs); Ctrl-C stops every child and ends quietly.
// - Ports: APP_ORIGIN's port for the demo (strict: a busy port stops everything rather than
//   serving on another one the BFF's Origin check and redirect URI would not match), PORT for
//   the BFF (8787), SIM_IDENTITY_PORT and SIM_API_PORT for the simulator. Each is tried first
//   (scripts/dev-ports.mjs): a port in use ends with one line naming the variable to change.
// - Children run their entry points directly (node + tsx, vite), not through `pnpm --filter`,
//   whose run reports a child stopped by a signal as a failure (ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL).
import { spawn } from 'node:child_process'
import { generateKeyPairSync, createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { portProblem } from './dev-ports.mjs'
import { readinessUrls, waitUntilReady } from './dev-ready.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dataDir = join(root, '.data')
mkdirSync(dataDir, { recursive: true })

const APP_ORIGIN = process.env.APP_ORIGIN ?? 'http://localhost:5173'
const DEMO_PORT = new URL(APP_ORIGIN).port || '5173'
const BFF_PORT = process.env.PORT ?? '8787'
const SIM_IDENTITY_PORT = process.env.SIM_IDENTITY_PORT ?? '8790'
const SIM_API_PORT = process.env.SIM_API_PORT ?? '8791'
const useSimulator = !process.env.MONEYHUB_CLIENT_ID

const demoDir = join(root, 'web', 'demo')
const demoPackage = join(demoDir, 'package.json')
const demoHasDev =
  existsSync(demoPackage) && Boolean(JSON.parse(readFileSync(demoPackage, 'utf8')).scripts?.dev)
const demoHasVite = ['vite.config.ts', 'vite.config.mts', 'vite.config.js'].some((f) =>
  existsSync(join(demoDir, f)),
)
const runDemo = demoHasDev && demoHasVite

const busy = await portProblem([
  ...(useSimulator
    ? [
        {
          variable: 'SIM_IDENTITY_PORT',
          port: Number(SIM_IDENTITY_PORT),
          example: (p) => `SIM_IDENTITY_PORT=${p}`,
        },
        {
          variable: 'SIM_API_PORT',
          port: Number(SIM_API_PORT),
          example: (p) => `SIM_API_PORT=${p}`,
        },
      ]
    : []),
  { variable: 'PORT', port: Number(BFF_PORT), example: (p) => `PORT=${p}` },
  ...(runDemo
    ? [
        {
          variable: 'APP_ORIGIN',
          port: Number(DEMO_PORT),
          example: (p) => {
            const origin = new URL(APP_ORIGIN)
            origin.port = String(p)
            return `APP_ORIGIN=${origin.origin}`
          },
        },
      ]
    : []),
])
if (busy !== undefined) {
  console.error(busy)
  process.exit(1)
}

/** A file under .data/ created once with `make()` and readable only by the owner. */
function once(name, make) {
  const file = join(dataDir, name)
  if (!existsSync(file)) writeFileSync(file, make(), { mode: 0o600 })
  return file
}

// RSA 2048 → PS256, the algorithm the simulator's command line registers for `mhkit-dev`.
function devClientKey() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const pub = publicKey.export({ format: 'jwk' })
  // RFC 7638 thumbprint as the kid: members in lexicographic order.
  const kid = createHash('sha256')
    .update(JSON.stringify({ e: pub.e, kty: pub.kty, n: pub.n }))
    .digest('base64url')
  return JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid, alg: 'PS256', use: 'sig' })
}

const sessionKeyFile = once('session-encryption.key', () => randomBytes(32).toString('hex'))
const bffEnv = {
  NODE_ENV: 'development', // the BFF runs as production unless told otherwise
  APP_ORIGIN,
  PORT: BFF_PORT,
  SQLITE_PATH: process.env.SQLITE_PATH ?? join(dataDir, 'bff.sqlite'),
  SESSION_ENCRYPTION_KEY:
    process.env.SESSION_ENCRYPTION_KEY ?? readFileSync(sessionKeyFile, 'utf8').trim(),
  // The demo's callback page, which shows a bad callback's error with a way to start again.
  CALLBACK_ERROR_PAGE: process.env.CALLBACK_ERROR_PAGE ?? '/callback',
}
if (useSimulator) {
  Object.assign(bffEnv, {
    MONEYHUB_ISSUER: `http://127.0.0.1:${SIM_IDENTITY_PORT}/oidc`,
    MONEYHUB_API_URL: `http://127.0.0.1:${SIM_API_PORT}/v3`,
    MONEYHUB_CLIENT_ID: 'mhkit-dev',
    MONEYHUB_PRIVATE_KEY_FILE: once('dev-client-key.json', devClientKey),
    MONEYHUB_REDIRECT_URI: `${APP_ORIGIN}/api/callback`,
    MONEYHUB_ID_TOKEN_ALG: 'PS256',
  })
}

const children = new Map()
/** Process group ids of every service started, to clean up after them. */
const groups = new Set()
let stopping = false

function prefixLines(name, stream, out) {
  let buffer = ''
  stream.setEncoding('utf8')
  stream.on('data', (chunk) => {
    buffer += chunk
    const lines = buffer.split('\n')
    buffer = lines.pop() ?? ''
    for (const line of lines) out.write(`[${name}] ${line}\n`)
  })
}

/** Starts `command args` in `cwd` as the service `name`, its output prefixed with the name. */
function start(name, { cwd, command, args }, env = {}) {
  // Its own process group, so stopping it also stops any grandchildren (esbuild under vite).
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  children.set(name, child)
  if (child.pid !== undefined) groups.add(child.pid)
  prefixLines(name, child.stdout, process.stdout)
  prefixLines(name, child.stderr, process.stderr)
  child.on('exit', (code, signal) => {
    children.delete(name)
    if (!stopping) {
      console.error(`[dev] ${name} exited (${signal ?? code}); stopping everything`)
      stop(code ?? 1)
    }
  })
}

function stop(code = 0) {
  if (stopping) return
  stopping = true
  // SIGTERM to each service itself (not its group), so it shuts down its own helpers in order
  // (vite stops its esbuild service); a signal to the whole group would kill them under it and
  // print their errors. Whatever is left of a group afterwards is killed quietly.
  const terminate = (child) => {
    try {
      child.kill('SIGTERM')
    } catch {
      // already gone
    }
  }
  // The demo first: its dev server proxies the page's open event stream to the BFF, and would
  // print the BFF's refusal if the BFF went first. The others follow once it has gone (or
  // after 2 s).
  const demo = children.get('demo')
  const rest = () => {
    for (const [name, child] of children) if (name !== 'demo') terminate(child)
  }
  if (demo === undefined) rest()
  else {
    const fallback = setTimeout(rest, 2_000)
    demo.once('exit', () => {
      clearTimeout(fallback)
      rest()
    })
    terminate(demo)
  }
  const killGroups = () => {
    for (const pid of groups) {
      try {
        process.kill(-pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }
  }
  const deadline = setTimeout(() => {
    killGroups()
    process.exit(code)
  }, 5_000)
  const check = setInterval(() => {
    if (children.size === 0) {
      clearInterval(check)
      clearTimeout(deadline)
      killGroups()
      process.exit(code)
    }
  }, 100)
}

process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

if (useSimulator) {
  // The dev client is registered with its public key inline (what the BFF also serves at
  // /.well-known/jwks.json), so the simulator never depends on the BFF being up first.
  const privateJwk = JSON.parse(readFileSync(bffEnv.MONEYHUB_PRIVATE_KEY_FILE, 'utf8'))
  const { kty, n, e, kid, alg } = privateJwk
  const clientsFile = join(dataDir, 'sim-clients.json')
  writeFileSync(
    clientsFile,
    JSON.stringify([
      {
        client_id: 'mhkit-dev',
        client_name: 'Connect Kit demo',
        jwks: { keys: [{ kty, n, e, kid, alg, use: 'sig' }] },
        redirect_uris: [`${APP_ORIGIN}/api/callback`],
        token_endpoint_auth_method: 'private_key_jwt',
        request_object_signing_alg: 'PS256',
        id_token_signed_response_alg: 'PS256',
      },
    ]),
  )
  start(
    'sim',
    { cwd: join(root, 'sim'), command: process.execPath, args: tsxArgs('src/main.ts') },
    {
      SIM_CLIENTS_FILE: clientsFile,
      SIM_IDENTITY_PORT,
      SIM_API_PORT,
    },
  )
} else {
  console.log('[dev] MONEYHUB_CLIENT_ID is set: the BFF talks to Moneyhub, no simulator')
}
// The demo's host server (web/demo/server/host.ts) mounts the BFF at /api with the demo's
// own sign-in bound through `userBinding`; it takes the BFF's place, port and environment.
// Without the demo, the standalone BFF runs.
const hostEntry = join(demoDir, 'server', 'host.ts')
const runHost = runDemo && existsSync(hostEntry)
start(
  'bff',
  runHost
    ? { cwd: demoDir, command: process.execPath, args: tsxArgs('server/host.ts') }
    : { cwd: join(root, 'bff'), command: process.execPath, args: tsxArgs('src/server.ts') },
  bffEnv,
)

const bffUrl = `http://127.0.0.1:${BFF_PORT}`
if (runDemo) {
  start(
    'demo',
    {
      cwd: demoDir,
      command: join(demoDir, 'node_modules', '.bin', 'vite'),
      args: ['--port', DEMO_PORT, '--strictPort'],
    },
    { BFF_URL: bffUrl },
  )
} else {
  console.log(`\n[dev] the demo app is not there yet; the BFF API is on ${bffUrl}\n`)
}

// "ready" only once every service answers, so the first click never meets a service that is
// still starting; on a slow machine it says so once and keeps waiting.
const appUrl = runDemo ? APP_ORIGIN : bffUrl
const ready = await waitUntilReady(
  readinessUrls({
    useSimulator,
    simIdentityPort: SIM_IDENTITY_PORT,
    bffPort: BFF_PORT,
    ...(runDemo ? { appOrigin: APP_ORIGIN } : {}),
  }),
  {
    isStopping: () => stopping,
    onSlow: () =>
      console.log(`\n[dev] still starting after 60 s; see the logs above (${appUrl})\n`),
  },
)
if (ready && useSimulator) {
  // The simulator posts webhooks (signed tokens) to the BFF, as Moneyhub would to the endpoint
  // registered in its admin portal (docs/webhooks.md).
  await fetch(`http://127.0.0.1:${SIM_IDENTITY_PORT}/__sim/webhooks/endpoints`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(process.env.SIM_ADMIN_TOKEN
        ? { authorization: `Bearer ${process.env.SIM_ADMIN_TOKEN}` }
        : {}),
    },
    body: JSON.stringify({
      clientId: 'mhkit-dev',
      url: `${bffUrl}/webhooks/moneyhub`,
      format: 'jwt',
    }),
  }).then(
    (res) => {
      if (!res.ok)
        console.log(`[dev] webhook endpoint not registered at the simulator (${res.status})`)
    },
    () => console.log('[dev] webhook endpoint not registered at the simulator'),
  )
}
if (ready) console.log(`\n[dev] ready: open ${appUrl}  (Ctrl-C stops everything)\n`)

/** `node` arguments that run a TypeScript entry point through tsx, as the packages' scripts do. */
function tsxArgs(entry) {
  return ['--import', 'tsx', entry]
}
