// The one esbuild configuration of the library build, shared by build.mjs and size.mjs so the
// size budget always measures exactly what ships.
import { readdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const kitRoot = join(dirname(fileURLToPath(import.meta.url)), '..')

// Peer dependencies (the app brings them) and zod (a regular dependency the app's bundler
// de-duplicates) stay external. @mhkit/shared is private to the workspace, so the parts the kit
// uses are bundled in.
export const externals = [
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  '@tanstack/react-query',
  'zod',
  'zod/*',
]

const sharedRoot = join(kitRoot, '../../shared/')

// @mhkit/shared's package.json does not declare itself free of side effects, and its modules
// build zod schemas at top level, which esbuild must otherwise assume to be side effects. It
// has none (zod only, no globals, no registration), so
//  1. every file of it is marked side-effect free: only files whose exports are used are kept;
//  2. every top-level `const x = call(...)` initializer gets a /* @__PURE__ */ annotation, so an
//     unused schema inside a used file (a request schema the browser never parses) is dropped.
// Neither changes what a kept schema does; they only let the minifier see what is unused.
const TOP_LEVEL_CALL =
  /^((?:export\s+)?const\s+[\w$]+(?:\s*:\s*[^=\n]+?)?\s*=\s*)(?=[A-Za-z_$][\w$]*\s*[.(])/gm
// Nested schema builders (`permissions: z.array(x).min(1)`, `at: isoDateTimeSchema.optional()`)
// must be pure too, or an unused outer schema is kept for its arguments' sake. Parsing calls
// (z.parse, schema.parse, ...) are never annotated: they throw, and a dropped throw would be a
// dropped check.
const NESTED_BUILDER =
  /(?<![\w$.]\s*)\b(z\s*\.\s*(?!parse|safeParse|decode|encode)[\w$]+\s*\(|[\w$]+Schema\s*\.\s*(?:optional|nullable|nullish|default|array|pick|omit|extend|partial|min|max|refine|check|regex|transform|pipe|and|or)\s*\()/g

/**
 * Adds pure annotations to schema construction in @mhkit/shared sources (see above).
 * @param {string} source
 */
export function annotatePure(source) {
  return source
    .replace(NESTED_BUILDER, '/* @__PURE__ */ $1')
    .replace(TOP_LEVEL_CALL, '$1/* @__PURE__ */ ')
}

/** @type {import('esbuild').Plugin} */
const sharedIsPure = {
  name: 'mhkit-shared-is-pure',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === sharedIsPure) return undefined
      const fromShared = args.importer.startsWith(sharedRoot)
      if (!fromShared && args.path !== '@mhkit/shared') return undefined
      const result = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: sharedIsPure,
      })
      if (result.errors.length > 0 || result.external) return result
      return { ...result, sideEffects: !result.path.startsWith(sharedRoot) }
    })
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (!args.path.startsWith(sharedRoot)) return undefined
      const source = await readFile(args.path, 'utf8')
      return { contents: annotatePure(source), loader: 'ts' }
    })
  },
}

// Every kit module imports what it needs from React and TanStack Query itself, and esbuild keeps
// one import statement per module for an external package (about 30 statements, ~1.8 kB before
// gzip). Routing those imports through one re-exporting module per package leaves a single
// import statement per package in each output file. Same bindings, same packages: only the
// number of import statements changes.
const SHARED_EXTERNALS = /^(?:react|react\/jsx-runtime|@tanstack\/react-query)$/
const EXTERNALS_NAMESPACE = 'mhkit-external'

const IMPORT_STATEMENT = /^import\s+(type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/gm

/**
 * The value names (not types) the kit's source files import from one package.
 * @param {string} packageName
 * @returns {Promise<Set<string>>}
 */
async function importedNames(packageName) {
  // The automatic JSX transform imports these itself; no source file names them.
  const names = new Set(packageName === 'react/jsx-runtime' ? ['jsx', 'jsxs', 'Fragment'] : [])
  const files = await readdir(join(kitRoot, 'src'), { recursive: true })
  for (const file of files) {
    if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) continue
    const source = await readFile(join(kitRoot, 'src', file), 'utf8')
    const quoted = `['"]${packageName.replace(/[/.]/g, '\\$&')}['"]`
    const all = source.match(new RegExp(`\\bfrom\\s*${quoted}|\\bimport\\s*${quoted}`, 'g'))
    const named = [...source.matchAll(IMPORT_STATEMENT)].filter(
      ([, , , from]) => from === packageName,
    )
    // A default, namespace or bare import would silently miss names here: refuse it instead.
    if ((all?.length ?? 0) !== named.length) {
      throw new Error(`src/${file}: import from ${packageName} with named imports only`)
    }
    for (const [, typeOnly, list = '', from] of named) {
      if (typeOnly || from !== packageName) continue
      for (const specifier of list.split(',')) {
        const name = specifier.trim()
        if (name && !name.startsWith('type ')) names.add(name.split(/\s+as\s+/)[0])
      }
    }
  }
  return names
}

/** @type {import('esbuild').Plugin} */
const oneImportPerExternal = {
  name: 'mhkit-one-import-per-external',
  setup(build) {
    build.onResolve({ filter: SHARED_EXTERNALS }, (args) => {
      if (args.namespace === EXTERNALS_NAMESPACE) return { path: args.path, external: true }
      return { path: args.path, namespace: EXTERNALS_NAMESPACE, sideEffects: false }
    })
    // Named re-exports (not `export *`, which would turn every use into a namespace lookup) of
    // exactly the value names the kit's sources import from the package.
    build.onLoad({ filter: /.*/, namespace: EXTERNALS_NAMESPACE }, async (args) => {
      const names = await importedNames(args.path)
      return {
        contents: `export { ${[...names].join(', ')} } from ${JSON.stringify(args.path)}`,
        loader: 'js',
      }
    })
  },
}

/** @type {import('esbuild').BuildOptions} */
export const libraryOptions = {
  absWorkingDir: kitRoot,
  entryPoints: [join(kitRoot, 'src/index.ts'), join(kitRoot, 'src/checks.ts')],
  bundle: true,
  format: 'esm',
  // The BFF client loads its response checks (shared schemas + zod) with a dynamic import();
  // splitting keeps them in their own chunk, so apps get them off their initial JavaScript too.
  splitting: true,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'browser',
  target: 'es2022',
  jsx: 'automatic',
  // Unminified on purpose: minifying here would drop the /* @__PURE__ */ annotations that let an
  // app's bundler shake out the shared schemas a chunk carries but the app never uses (the
  // schemas are built by zod calls, which a bundler must otherwise keep). The app's own build
  // minifies the kit with everything else; scripts/size.mjs measures it minified the same way.
  minify: false,
  treeShaking: true,
  legalComments: 'none',
  external: externals,
  logLevel: 'silent',
  plugins: [sharedIsPure, oneImportPerExternal],
}
