// The one esbuild configuration of the library build, shared by build.mjs and size.mjs so the
// size budget always measures exactly what ships.
import { readFile } from 'node:fs/promises'
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

/** @type {import('esbuild').BuildOptions} */
export const libraryOptions = {
  absWorkingDir: kitRoot,
  entryPoints: [join(kitRoot, 'src/index.ts')],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  jsx: 'automatic',
  minify: true,
  treeShaking: true,
  legalComments: 'none',
  external: externals,
  logLevel: 'silent',
  plugins: [sharedIsPure],
}
