#!/usr/bin/env node
// The consumer check (part of `pnpm test`): the packages work outside this repository, installed
// the way a user installs them. It
//   1. packs every publishable package into a tarball (each package's prepack builds it) and
//      checks its types resolve under node16 and bundler resolution (@arethetypeswrong/cli);
//   2. copies each example under examples/ to a temporary folder outside the workspace and
//      installs the tarballs there with npm (no pnpm, no workspace links);
//   3. runs what each example's README says: the Vite app typechecks and builds with only the
//      kit installed, then its Playwright journey connects a bank against the packed simulator
//      and BFF; the Hono and Express hosts start with plain `node` and answer their own route,
//      `/api/session` and `/.well-known/jwks.json`.
// Prints one line per step and exits non-zero on the first failure.
// Usage: node scripts/consumer-check.mjs [result.json]  (writes { passed, failed } for test-all)
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setTimeout as delay } from 'node:timers/promises'

const root = fileURLToPath(new URL('..', import.meta.url))
const resultFile = process.argv[2]
const work = mkdtempSync(join(tmpdir(), 'mhkit-consumer-'))
const packs = join(work, 'packs')
mkdirSync(packs)
const PACKAGES = [
  ['@mhkit/shared', 'shared'],
  ['@mhkit/react', 'web/kit'],
  ['@mhkit/bff', 'bff'],
  ['@mhkit/sim', 'sim'],
  ['@mhkit/playwright', 'playwright'],
]
const tarball = {}
let passed = 0
const started = Date.now()

function finish(failed) {
  if (resultFile) writeFileSync(resultFile, JSON.stringify({ passed, failed: failed ? 1 : 0 }))
  if (!failed) rmSync(work, { recursive: true, force: true })
  else console.log(`consumer check: kept ${work} for inspection`)
  process.exit(failed ? 1 : 0)
}

function step(label, fn) {
  const t0 = Date.now()
  return Promise.resolve()
    .then(fn)
    .then(
      (detail) => {
        passed++
        const seconds = ((Date.now() - t0) / 1000).toFixed(1)
        console.log(`ok    ${label}${detail ? ` — ${detail}` : ''} (${seconds} s)`)
      },
      (error) => {
        console.log(`FAIL  ${label}\n${error instanceof Error ? error.message : String(error)}`)
        finish(true)
      },
    )
}

/** Runs a command to completion; throws with its output's tail when it fails. */
function run(command, args, options = {}) {
  const r = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
    env: { ...process.env, ...options.env },
  })
  if (r.status !== 0) {
    const output = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n')
    throw new Error(`${command} ${args.join(' ')} exited ${r.status ?? r.signal}\n${output}`)
  }
  return r.stdout
}

// A user's project: npm with the registry, never this workspace's links or lockfile.
function npm(cwd, args) {
  return run('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd,
  })
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

function copyExample(name) {
  const dir = join(work, name)
  cpSync(join(root, 'examples', name), dir, {
    recursive: true,
    filter: (src) => !/[/\\](node_modules|dist|test-results|\.data)([/\\]|$)/.test(src),
  })
  return dir
}

async function expectJson(url, init, check) {
  const res = await fetch(url, init)
  const text = await res.text()
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${text.slice(0, 200)}`)
  check(JSON.parse(text))
}

/** Starts `node server.js` in `dir`, checks what a user would, and stops it. */
async function checkHost(dir) {
  const port = await freePort()
  const key = run('npx', ['mhkit-bff', 'keygen'], { cwd: dir }).trim()
  const child = spawn(process.execPath, ['server.js'], {
    cwd: dir,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      APP_ORIGIN: `http://localhost:${port}`,
      MONEYHUB_CLIENT_ID: 'my-client',
      MONEYHUB_PRIVATE_KEY: key,
      SESSION_STORE: 'memory',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const base = `http://127.0.0.1:${port}`
  try {
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`server.js exited ${child.exitCode}\n${output}`)
      try {
        if ((await fetch(`${base}/healthz`)).ok) break
      } catch {
        // not listening yet
      }
      if (i > 300) throw new Error(`server.js did not answer /healthz\n${output}`)
      await delay(100)
    }
    const home = await (await fetch(`${base}/`)).text()
    if (!home.includes('Hello from the host app')) throw new Error(`GET / answered ${home}`)
    // The answer checked with the packed @mhkit/shared's own schema (shared/README.md).
    run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { sessionResponseSchema } from '@mhkit/shared'
const res = await fetch('${base}/api/session', { headers: { 'X-CSRF': '1' } })
const session = sessionResponseSchema.parse(await res.json())
if (session.authenticated !== false) throw new Error(JSON.stringify(session))`,
      ],
      { cwd: dir },
    )
    const kid = JSON.parse(key).kid
    await expectJson(`${base}/.well-known/jwks.json`, undefined, (body) => {
      const keys = body.keys ?? []
      if (keys.length !== 1 || keys[0].kid !== kid || 'd' in keys[0]) {
        throw new Error(`/.well-known/jwks.json: ${JSON.stringify(body).slice(0, 200)}`)
      }
    })
    return 'GET / from the host, /api/session and /.well-known/jwks.json from the BFF'
  } finally {
    child.kill('SIGTERM')
  }
}

console.log(`consumer check in ${work}`)

for (const [name, dir] of PACKAGES) {
  await step(`pack ${name}`, () => {
    const out = run('pnpm', ['pack', '--pack-destination', packs], { cwd: join(root, dir) })
    const file = out.trim().split('\n').pop()
    tarball[name] = file
    const size = readFileSync(file).length
    return `${file.split('/').pop()}, ${(size / 1024).toFixed(1)} kB`
  })
}

const attw = join(root, 'node_modules/.bin/attw')
for (const [name] of PACKAGES) {
  await step(`types of ${name} resolve under node16 and bundler`, () => {
    run(attw, [
      tarball[name],
      '--profile',
      'esm-only',
      '--exclude-entrypoints',
      'styles.css',
      '--format',
      'ascii',
    ])
  })
}

// examples/vite-react: first exactly what a fresh app installs (the kit alone), then the BFF,
// the simulator and the fixtures as dev dependencies for the journey.
const vite = copyExample('vite-react')
{
  const manifest = JSON.parse(readFileSync(join(vite, 'package.json'), 'utf8'))
  for (const name of Object.keys(manifest.devDependencies)) {
    if (name.startsWith('@mhkit/')) delete manifest.devDependencies[name]
  }
  delete manifest.dependencies['@mhkit/react']
  writeFileSync(join(vite, 'package.json'), JSON.stringify(manifest, null, 2))
}
await step('vite-react: npm install the kit tarball into a fresh Vite React app', () => {
  npm(vite, ['install', tarball['@mhkit/react']])
  const installed = run('npm', ['ls', '--all', '--parseable'], { cwd: vite })
  const others = installed.split('\n').filter((line) => /@mhkit[/\\](?!react$)/.test(line))
  if (others.length > 0) throw new Error(`the kit pulled in ${others.join(', ')}`)
  return 'no other @mhkit package installed'
})
await step('vite-react: tsc -b && vite build with the template tsconfig', () => {
  npm(vite, ['run', 'build'])
})
await step('vite-react: npm install -D the BFF, simulator and Playwright fixtures', () => {
  npm(vite, [
    'install',
    '--save-dev',
    tarball['@mhkit/shared'],
    tarball['@mhkit/bff'],
    tarball['@mhkit/sim'],
    tarball['@mhkit/playwright'],
    '@playwright/test@~1.65.0',
  ])
})
await step('vite-react: Playwright journey connects a bank at the packed simulator', () => {
  // The example's config picks free ports itself (@mhkit/playwright's freePort).
  const out = run('npx', ['playwright', 'test', '--reporter=line'], {
    cwd: vite,
    env: { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  })
  const summary = out.match(/\d+ passed[^\n]*/)
  return summary ? summary[0].trim() : undefined
})

for (const [name, extra] of [
  ['hono-host', ['hono', '@hono/node-server']],
  ['express-host', ['express']],
]) {
  const dir = copyExample(name)
  await step(`${name}: npm install the BFF tarballs`, () => {
    npm(dir, ['install', tarball['@mhkit/shared'], tarball['@mhkit/bff'], ...extra])
  })
  await step(`${name}: plain node imports @mhkit/bff and @mhkit/bff/node`, () => {
    const names = run(
      process.execPath,
      [
        '-e',
        `Promise.all([import('@mhkit/bff'), import('@mhkit/bff/node')]).then(([a, b]) => console.log(Object.keys(a).length + Object.keys(b).length))`,
      ],
      { cwd: dir },
    ).trim()
    return `${names} exports`
  })
  await step(`${name}: node server.js`, () => checkHost(dir))
}

console.log(
  `consumer check: ${passed} steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s`,
)
finish(false)
