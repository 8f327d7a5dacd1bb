#!/usr/bin/env node
// Measures what the kit costs an app, the way an app gets it: the library is built exactly as
// scripts/build.mjs builds it and installed into a temporary app as npm would install the packed
// tarball (dist/ beside the published `exports` and `sideEffects`); an app entry imports a set
// of names from `@mhkit/react`; Vite bundles that app (Rollup with Vite's resolver, which reads
// `exports` and `sideEffects`), leaving React, TanStack Query and zod to the app. Every emitted
// JS file (the entry and each lazily loaded chunk) is minified and gzipped on its own, as a
// browser downloads it, and the sum is the set's figure. Three sets, each against its budget:
//   - the whole kit (every export of both entries, live updates included), at most 24 kB;
//   - the kit with payments (every export but the opt-in live updates, with the
//     `@mhkit/react/checks` entry), at most 23.5 kB — set at 20 kB before live updates, the
//     connect experience (ConnectProgress 0.43 kB, SessionSync 0.33 kB, BankPicker logos and
//     recent banks 0.4 kB, ErrorNotice's actions and countdown 0.18 kB) and the `messages`
//     option, the disconnect dialog and the empty states (about 1.5 kB over every component),
//     all measured;
//   - the connect-and-data import set (an app that imports only the provider, the connect
//     button and callback, the account list and transaction table, and their hooks), at most
//     12 kB. Its lazily loaded response checks carry only the data routes' schemas: the payment
//     routes' load with the payment hooks, in the payment checks' chunk
//     (src/api/payment-schema.ts).
// Measuring through the installed package rather than the sources is what keeps the figures
// honest: a library build that lost its pure annotations, or a `sideEffects` entry that keeps a
// module alive, costs apps bytes that a build from src/ would not show.
// It also prints the library's own files (dist/*.js, minified and gzipped) for reference.
// The root budgets script calls it.
// Usage: node web/kit/scripts/size.mjs [--json]
//   →   { "bytes": <whole kit>, "budget": 24576, "sets": [{ "name", "bytes", "budget" }, ...] }
import { gzipSync } from 'node:zlib'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, transform } from 'esbuild'
import { build as viteBuild } from 'vite'
import { externals, kitRoot, libraryOptions } from './esbuild-options.mjs'

/** The opt-in live updates (webhooks pushed by the BFF): the exports the payments set leaves out. */
const LIVE_UPDATES = new Set([
  'useMoneyhubEvents',
  'subscribeLiveEvents',
  'moneyhubLiveUpdates',
  'liveEventKeys',
  'useConsentReminders',
  'RenewConsentPrompt',
])

/** The value exports of the main entry (`src/index.ts`), by name. */
function mainExports() {
  const source = readFileSync(join(kitRoot, 'src/index.ts'), 'utf8')
  return [...source.matchAll(/^export \{([^}]+)\} from/gm)].flatMap((match) =>
    (match[1] ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  )
}

/** Every export of both entries, and its budget (24 kB). */
export const WHOLE_KIT = {
  name: 'whole kit',
  budget: 24576,
  get names() {
    return mainExports()
  },
  withChecks: true,
}

/** Everything but live updates, with the checks entry, and its budget (23.5 kB). */
export const KIT_WITH_PAYMENTS = {
  name: 'kit with payments (all but live updates)',
  budget: 24064,
  get names() {
    return mainExports().filter((name) => !LIVE_UPDATES.has(name))
  },
  withChecks: true,
}

/** What an app that only connects a bank and shows its data imports, and its budget (12 kB). */
export const CONNECT_AND_DATA = {
  name: 'connect-and-data import set',
  budget: 12288,
  names: [
    'MhkitProvider',
    'ConnectBankButton',
    'ConnectCallback',
    'AccountList',
    'TransactionTable',
    'useSession',
    'useConnectBank',
    'useConnectCallback',
    'useAccounts',
    'useTransactions',
  ],
}

const gzipSize = (text) => gzipSync(Buffer.from(text), { level: 9 }).length

/** Minifies one emitted JS file as an app's production build does (Vite minifies with esbuild). */
async function minifyJs(code) {
  const result = await transform(code, {
    loader: 'js',
    format: 'esm',
    minify: true,
    target: 'es2022',
  })
  return result.code
}

/** Whether an app's bundler takes `id` from the app's own dependencies (the kit's externals). */
function isExternal(id) {
  return externals.some((name) =>
    name.endsWith('/*') ? id.startsWith(name.slice(0, -1)) : id === name,
  )
}

/**
 * Installs the kit into `appDir` as npm would from its tarball: the library build in
 * `node_modules/@mhkit/react/dist` beside a package.json with the published `exports` and the
 * `sideEffects` list, which is what an app's bundler reads.
 * @param {string} appDir
 * @returns {Promise<Array<{ path: string, bytes: number }>>} the library's JS files, each
 *   minified and gzipped
 */
async function installBuiltKit(appDir) {
  const packageDir = join(appDir, 'node_modules/@mhkit/react')
  const dist = join(packageDir, 'dist')
  mkdirSync(packageDir, { recursive: true })
  const result = await build({ ...libraryOptions, outdir: dist, write: false })
  const files = []
  for (const file of result.outputFiles) {
    mkdirSync(join(file.path, '..'), { recursive: true })
    writeFileSync(file.path, file.contents)
    if (file.path.endsWith('.js')) {
      const path = relative(dist, file.path).split(sep).join('/')
      files.push({ path, bytes: gzipSize(await minifyJs(file.text)) })
    }
  }
  const manifest = JSON.parse(readFileSync(join(kitRoot, 'package.json'), 'utf8'))
  const published = {
    name: manifest.name,
    type: manifest.type,
    exports: manifest.publishConfig.exports,
    sideEffects: manifest.sideEffects,
  }
  writeFileSync(join(packageDir, 'package.json'), JSON.stringify(published))
  return files
}

/**
 * Bundles an app that imports `set.names` from the installed kit and sums its JS, each file
 * minified and gzipped. Vite's library mode keeps Vite's own module-preload helper (not the
 * kit's code) out of the figure; it leaves the output unminified, so each file is minified here
 * as an app build would.
 * @param {string} appDir - where installBuiltKit put the kit
 * @param {{ name: string, budget: number, names: string[], withChecks?: boolean }} set - with
 *   `withChecks`, the app also imports everything `@mhkit/react/checks` exports
 * @returns {Promise<{ name: string, bytes: number, budget: number }>}
 */
async function measureImportSet(appDir, set) {
  const entry = join(appDir, 'app.js')
  const lines = [`export { ${set.names.join(', ')} } from '@mhkit/react'`]
  if (set.withChecks === true) lines.push(`export * from '@mhkit/react/checks'`)
  writeFileSync(entry, `${lines.join('\n')}\n`)
  const output = await viteBuild({
    root: appDir,
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry, formats: ['es'], fileName: 'app' },
      rollupOptions: { external: isExternal },
    },
  })
  const chunks = (Array.isArray(output) ? output : [output])
    .flatMap((result) => ('output' in result ? result.output : []))
    .filter((file) => file.type === 'chunk')
  if (chunks.length === 0) throw new Error(`Vite produced no output for the ${set.name}`)
  let bytes = 0
  for (const chunk of chunks) bytes += gzipSize(await minifyJs(chunk.code))
  return { name: set.name, bytes, budget: set.budget }
}

/**
 * Builds and installs the kit once, then measures each set against it.
 * @returns {Promise<{ files: Array<{ path: string, bytes: number }>, css: number, sets: Array<{ name: string, bytes: number, budget: number }> }>}
 *   `files` the library's own JS files; `css` the gzip size of the minified stylesheet
 */
export async function measureKit(sets = [WHOLE_KIT, KIT_WITH_PAYMENTS, CONNECT_AND_DATA]) {
  const appDir = mkdtempSync(join(tmpdir(), 'mhkit-size-'))
  try {
    const files = await installBuiltKit(appDir)
    const measured = []
    for (const set of sets) measured.push(await measureImportSet(appDir, set))
    const css = await transform(readFileSync(join(kitRoot, 'src/styles.css'), 'utf8'), {
      loader: 'css',
      minify: true,
    })
    return { files, css: gzipSize(css.code), sets: measured }
  } finally {
    rmSync(appDir, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { files, css, sets } = await measureKit()
  const [whole, ...others] = sets
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ bytes: whole.bytes, budget: whole.budget, sets: others }))
  } else {
    const verdict = (set) => (set.bytes <= set.budget ? 'within' : 'OVER')
    for (const set of sets) {
      console.log(`${set.name}: ${set.bytes} B min+gzip, ${verdict(set)} ${set.budget} B`)
    }
    console.log(`library files (dist/, each minified and gzipped); styles.css ${css} B`)
    for (const file of files) console.log(`  ${file.path}: ${file.bytes} B`)
  }
  if (sets.some((set) => set.bytes > set.budget)) process.exitCode = 1
}
