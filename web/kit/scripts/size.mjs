#!/usr/bin/env node
// Builds the kit in memory exactly as scripts/build.mjs does and reports its min+gzip size,
// without peer dependencies and zod (they are external): the sum over ALL emitted JS files (the
// entries and every chunk, e.g. the lazily loaded response checks), each gzipped on its own as
// a browser downloads it. Three figures, each against its budget:
//   - the whole kit (every export of both entries, live updates included), at most 24 kB;
//   - the kit with payments (every export but the opt-in live updates, with the
//     `@mhkit/react/checks` entry), at most 23.5 kB — set at 20 kB before live updates, the
//     connect experience (ConnectProgress 0.43 kB, SessionSync 0.33 kB, BankPicker logos and
//     recent banks 0.4 kB, ErrorNotice's actions and countdown 0.18 kB) and the `messages`
//     option, the disconnect dialog and the empty states (about 1.5 kB over every component),
//     all measured;
//   - the connect-and-data import set (an app that imports only the provider, the connect
//     button and callback, the account list and transaction table, and their hooks), bundled
//     and tree-shaken the same way, at most 12 kB. Its lazily loaded response checks carry only
//     the data routes' schemas: the payment routes' load with the payment hooks, in the payment
//     checks' chunk (src/api/payment-schema.ts).
// The root budgets script calls it.
// Usage: node web/kit/scripts/size.mjs [--json]
//   →   { "bytes": <whole kit>, "budget": 24576, "sets": [{ "name", "bytes", "budget" }, ...] }
import { gzipSync } from 'node:zlib'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, transform } from 'esbuild'
import { kitRoot, libraryOptions } from './esbuild-options.mjs'

/** The budget for the whole kit's JavaScript, min+gzip, in bytes (24 kB). */
export const KIT_BUDGET_BYTES = 24576

/** The opt-in live updates (webhooks pushed by the BFF): the exports the payments set leaves out. */
const LIVE_UPDATES = new Set([
  'useMoneyhubEvents',
  'subscribeLiveEvents',
  'moneyhubLiveUpdates',
  'liveEventKeys',
  'useConsentReminders',
  'RenewConsentPrompt',
])

/** The value exports of the main entry (`src/index.ts`): each name with the module it comes from. */
function mainExportModules() {
  const source = readFileSync(join(kitRoot, 'src/index.ts'), 'utf8')
  return new Map(
    [...source.matchAll(/^export \{([^}]+)\} from '([^']+)'/gm)].flatMap((match) =>
      (match[1] ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean)
        .map((name) => [name, match[2] ?? '']),
    ),
  )
}

/** The value exports of the main entry, by name. */
function mainExports() {
  return [...mainExportModules().keys()]
}

/** Everything but live updates, with the checks entry, and its budget (21.5 kB). */
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

const gzipSize = (bytes) => gzipSync(bytes, { level: 9 }).length

/**
 * Builds the kit and measures it.
 * @returns {Promise<{ bytes: number, budget: number, minified: number, css: number, files: Array<{ path: string, bytes: number }> }>}
 *   `bytes` is the summed gzip size of every minified JS file; `files` each file's share;
 *   `css` the gzip size of the minified stylesheet.
 */
export async function measureKitSize(entryPoints = libraryOptions.entryPoints) {
  const outdir = join(kitRoot, 'dist')
  const result = await build({ ...libraryOptions, entryPoints, write: false, outdir })
  const jsFiles = result.outputFiles.filter((file) => file.path.endsWith('.js'))
  if (jsFiles.length === 0) throw new Error('esbuild produced no output')
  const files = jsFiles.map((file) => ({
    path: relative(outdir, file.path).split(sep).join('/'),
    bytes: gzipSize(file.contents),
    minified: file.contents.length,
  }))
  const css = await transform(readFileSync(join(kitRoot, 'src/styles.css'), 'utf8'), {
    loader: 'css',
    minify: true,
  })
  return {
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    budget: KIT_BUDGET_BYTES,
    minified: files.reduce((sum, file) => sum + file.minified, 0),
    css: gzipSize(Buffer.from(css.code)),
    files: files.map(({ path, bytes }) => ({ path, bytes })),
  }
}

/**
 * Measures what an app importing only `names` from the kit would ship: an entry that
 * re-exports them, bundled with the library options (so unused exports are shaken out).
 * @param {{ name: string, budget: number, names: string[], withChecks?: boolean }} set - with
 *   `withChecks`, the `@mhkit/react/checks` entry is bundled beside it
 * @returns {Promise<{ name: string, bytes: number, budget: number }>}
 */
export async function measureImportSet(set) {
  const dir = mkdtempSync(join(tmpdir(), 'mhkit-size-'))
  try {
    const entry = join(dir, 'index.ts')
    // Each name straight from its module, as a bundler that honours the kit's `sideEffects`
    // (webpack, Rollup/Vite) takes it: through `src/index.ts`, esbuild would also scan every
    // unused module and emit a chunk for each `import()` in them (the payment routes' response
    // checks), which no file of the set ever loads.
    const modules = mainExportModules()
    const lines = set.names.map((name) => {
      const module = modules.get(name)
      if (module === undefined) throw new Error(`${name} is not exported by src/index.ts`)
      const path = join(kitRoot, 'src', module).split(sep).join('/')
      return `export { ${name} } from ${JSON.stringify(path)}\n`
    })
    writeFileSync(entry, lines.join(''))
    const size = await measureKitSize(
      set.withChecks === true ? [entry, join(kitRoot, 'src/checks.ts')] : [entry],
    )
    return { name: set.name, bytes: size.bytes, budget: set.budget }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const size = await measureKitSize()
  const sets = [await measureImportSet(KIT_WITH_PAYMENTS), await measureImportSet(CONNECT_AND_DATA)]
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ bytes: size.bytes, budget: size.budget, sets }))
  } else {
    const verdict = (bytes, budget) => (bytes <= budget ? 'within' : 'OVER')
    console.log(
      `@mhkit/react: ${size.bytes} B min+gzip (${size.minified} B minified), ` +
        `${verdict(size.bytes, size.budget)} the ${size.budget} B budget; ` +
        `styles.css ${size.css} B min+gzip`,
    )
    for (const file of size.files) console.log(`  ${file.path}: ${file.bytes} B`)
    for (const set of sets) {
      console.log(`${set.name}: ${set.bytes} B, ${verdict(set.bytes, set.budget)} ${set.budget} B`)
    }
  }
  if (size.bytes > size.budget || sets.some((set) => set.bytes > set.budget)) process.exitCode = 1
}
